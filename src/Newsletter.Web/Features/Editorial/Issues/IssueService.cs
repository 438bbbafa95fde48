using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>
/// Composing and moving issues: numbering, placing articles, and every status change through
/// <see cref="IssueWorkflow"/>, each written to the audit log with the change.
/// </summary>
public sealed class IssueService(NewsletterDbContext db, AuditLog audit, TimeProvider clock, MarkdownRenderer markdown)
{
    /// <summary>The loser of a race on an issue (status or contents changed by someone else since the page was read).</summary>
    public const string ChangedMeanwhile = "就在您操作的同时，别人已改动了这一期（状态或编排），您的这次操作没有执行。请刷新页面，看清最新状态后再操作。";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Issue?> FindAsync(int id) =>
        db.Issues.Include(i => i.Articles).ThenInclude(a => a.Section).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id);

    /// <summary>The next 第N期 in the year's series (regular or 增刊) and the next 总第M期.</summary>
    public async Task<IssueForm> SuggestAsync(int? year, bool supplement)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, ChineseFormat.ChinaTime));
        var y = year ?? today.Year;
        var number = await db.Issues.Where(i => i.Year == y && i.IsSupplement == supplement).MaxAsync(i => (int?)i.Number) ?? 0;
        var serial = await db.Issues.MaxAsync(i => i.SerialNumber) ?? 0;
        // The masthead names, 印数 and 送/发 rarely change from one issue to the next: start from the latest issue's.
        var previous = await db.Issues.AsNoTracking()
            .OrderByDescending(i => i.Year).ThenBy(i => i.IsSupplement).ThenByDescending(i => i.Number).FirstOrDefaultAsync();
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync() ?? new Publication();
        return new IssueForm
        {
            Year = y, Number = number + 1, IsSupplement = supplement, SerialNumber = supplement ? null : serial + 1,
            CoverMonth = y == today.Year ? today.Month : 1,
            ChiefEditor = previous?.ChiefEditor, Editor = previous?.Editor, ResponsibleEditor = previous?.ResponsibleEditor,
            Copies = previous?.Copies,
            SendTo = previous?.SendTo ?? publication.DefaultSendTo,
            DistributeTo = previous?.DistributeTo ?? publication.DefaultDistributeTo,
        };
    }

    public async Task<Outcome<Issue>> CreateAsync(IssueForm form, Actor actor)
    {
        if (await DuplicateAsync(form, null) is { } duplicate)
        {
            return Outcome<Issue>.Invalid(duplicate);
        }

        var issue = new Issue { CreatedAt = Now, UpdatedAt = Now };
        form.ApplyTo(issue);
        db.Issues.Add(issue);
        // Two editors creating the same 第N期 at one moment both pass the check above; the unique index refuses the second.
        var saved = await db.SaveOrConflictAsync("就在您提交时，别人刚用这个期号新建了一期，这次没有新建。请换一个期号，或到期刊列表查看那一期。");
        if (!saved.Succeeded)
        {
            return Outcome<Issue>.Refused(saved);
        }

        audit.Record(actor, nameof(Issue), issue.Id, "新建一期", to: IssueWorkflow.StatusName(issue.Status), detail: issue.FullLabel);
        await db.SaveChangesAsync();
        return Outcome.Ok(issue);
    }

    public async Task<Outcome> UpdateAsync(int id, IssueForm form, Actor actor)
    {
        var issue = await FindAsync(id);
        if (issue is null)
        {
            return Outcome.NotFound("没有找到这一期。");
        }

        if (IssueRules.WhyNotEditable(issue, actor) is { } why)
        {
            return Outcome.Forbidden(why);
        }

        if (await DuplicateAsync(form, id) is { } duplicate)
        {
            return Outcome.Invalid(duplicate);
        }

        db.Entry(issue).Property(i => i.Version).OriginalValue = form.Version;
        form.ApplyTo(issue);
        issue.UpdatedAt = Now;
        audit.Record(actor, nameof(Issue), id, "修改报头报尾", detail: issue.FullLabel);
        return await db.SaveOrConflictAsync("在您编辑期间，别人修改了这一期（报头报尾或编排），或刚用了同样的期号。请刷新页面后重新填写。");
    }

    private async Task<string?> DuplicateAsync(IssueForm form, int? self)
    {
        var series = form.IsSupplement ? "增刊" : "";
        var sameNumber = await db.Issues.AnyAsync(i => i.Id != self && i.Year == form.Year && i.IsSupplement == form.IsSupplement && i.Number == form.Number);
        if (sameNumber)
        {
            return $"{form.Year}年{series}第{form.Number}期已存在，不能重复，请换一个期号。";
        }

        var serialOwner = form.IsSupplement || form.SerialNumber is null ? null
            : await db.Issues.Where(i => i.Id != self && i.SerialNumber == form.SerialNumber).FirstOrDefaultAsync();
        return serialOwner is null ? null : $"总第{form.SerialNumber}期已被{serialOwner.FullLabel}使用，不能重复。";
    }

    public async Task<Outcome> PlaceAsync(int id, int articleId, int sectionId, Actor actor)
    {
        var editable = await EditableAsync(id, actor);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId);
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == sectionId);
        if (editable.Value is not { } issue || article is null || section is null)
        {
            return editable.Succeeded ? Outcome.NotFound("没有找到这篇稿件或栏目。") : editable;
        }

        if (article.Status != ArticleStatus.Accepted || article.IssueId is not null)
        {
            return Outcome.Invalid("只有已采用、尚未编入其他期的稿件才能编入。");
        }

        article.IssueId = id;
        article.SectionId = sectionId;
        article.Position = issue.Articles.Where(a => a.SectionId == sectionId).Select(a => a.Position).DefaultIfEmpty(0).Max() + 1;
        audit.Record(actor, nameof(Issue), id, "编入稿件", detail: $"《{article.Title}》→ {section.Name}");
        return await SaveContentsAsync(issue);
    }

    /// <summary>
    /// Places several accepted articles at once, each in its own section after what is there, in the order given;
    /// one id that cannot be placed refuses them all.
    /// </summary>
    public async Task<Outcome> PlaceManyAsync(int id, IReadOnlyList<int> articleIds, Actor actor)
    {
        var editable = await EditableAsync(id, actor);
        if (editable.Value is not { } issue)
        {
            return editable;
        }

        if (articleIds.Count == 0)
        {
            return Outcome.Invalid("请先勾选要编入的稿件。");
        }

        var found = await db.Articles.Include(a => a.Section).Where(a => articleIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var wrong = articleIds.Where(a => !found.TryGetValue(a, out var article)
            || article.Status != ArticleStatus.Accepted || article.IssueId is not null || article.Section is null)
            .Concat(articleIds.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => g.Key)).Distinct().ToList();
        if (wrong.Count > 0)
        {
            return Outcome.Invalid($"所选稿件中有不能编入的（编号 {string.Join("、", wrong)}）："
                + "只有已采用、尚未编入其他期、已定栏目的稿件才能编入，且每篇只能选一次。这次一篇也没有编入，请刷新页面后重选。");
        }

        foreach (var article in articleIds.Select(a => found[a]))
        {
            article.IssueId = id;
            article.Position = issue.Articles.Where(a => a.SectionId == article.SectionId).Select(a => a.Position).DefaultIfEmpty(0).Max() + 1;
            issue.Articles.Add(article);
            audit.Record(actor, nameof(Issue), id, "编入稿件", detail: $"《{article.Title}》→ {article.Section!.Name}");
        }

        return await SaveContentsAsync(issue);
    }

    /// <summary>
    /// The order of one section's articles as dragged on the page: exactly that section's articles, read at
    /// <paramref name="version"/> of the issue (an older page loses to the change made since).
    /// </summary>
    public async Task<Outcome> OrderAsync(int id, int sectionId, IReadOnlyList<int> articleIds, int version, Actor actor)
    {
        var editable = await EditableAsync(id, actor);
        if (editable.Value is not { } issue)
        {
            return editable;
        }

        if (issue.Version != version)
        {
            return Outcome.Conflict(ChangedMeanwhile);
        }

        var siblings = issue.Articles.Where(a => a.SectionId == sectionId).ToDictionary(a => a.Id);
        if (siblings.Count == 0 || articleIds.Count != siblings.Count || !articleIds.All(siblings.ContainsKey) || articleIds.Distinct().Count() != articleIds.Count)
        {
            return Outcome.Invalid("提交的顺序与本期这一栏目的稿件不符（有不在本期的稿件，或缺了、重复了），顺序没有改动。请刷新页面后再调整。");
        }

        for (var i = 0; i < articleIds.Count; i++)
        {
            siblings[articleIds[i]].Position = i + 1;
        }

        db.Entry(issue).Property(i => i.Version).OriginalValue = version;
        var section = siblings.Values.First().Section!;
        audit.Record(actor, nameof(Issue), id, "调整顺序", detail: $"{section.Name}：{string.Join("、", articleIds.Select(a => $"《{siblings[a].Title}》"))}");
        return await SaveContentsAsync(issue);
    }

    public async Task<Outcome> RemoveAsync(int id, int articleId, Actor actor)
    {
        var editable = await EditableAsync(id, actor);
        var article = editable.Value?.Articles.FirstOrDefault(a => a.Id == articleId);
        if (editable.Value is not { } issue || article is null)
        {
            return editable.Succeeded ? Outcome.NotFound("这一期没有这篇稿件。") : editable;
        }

        article.IssueId = null;
        article.Position = 0;
        Renumber(issue.Articles.Where(a => a.SectionId == article.SectionId && a.Id != articleId));
        audit.Record(actor, nameof(Issue), id, "移出稿件", detail: $"《{article.Title}》");
        return await SaveContentsAsync(issue);
    }

    public async Task<Outcome> MoveAsync(int id, int articleId, int delta, Actor actor)
    {
        var editable = await EditableAsync(id, actor);
        var article = editable.Value?.Articles.FirstOrDefault(a => a.Id == articleId);
        if (editable.Value is not { } issue || article is null)
        {
            return editable.Succeeded ? Outcome.NotFound("这一期没有这篇稿件。") : editable;
        }

        var siblings = issue.Articles.Where(a => a.SectionId == article.SectionId).OrderBy(a => a.Position).ToList();
        var index = siblings.IndexOf(article);
        var target = Math.Clamp(index + Math.Sign(delta), 0, siblings.Count - 1);
        siblings.RemoveAt(index);
        siblings.Insert(target, article);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i + 1;
        }

        audit.Record(actor, nameof(Issue), id, "调整顺序", detail: $"《{article.Title}》到第 {target + 1} 位");
        return await SaveContentsAsync(issue);
    }

    /// <summary>
    /// A change of the issue's contents is a change of the issue: its <c>Version</c> is raised with it, so placing an
    /// article and submitting, approving or publishing the issue at the same moment cannot both succeed.
    /// </summary>
    private Task<Outcome> SaveContentsAsync(Issue issue)
    {
        issue.UpdatedAt = Now;
        return db.SaveOrConflictAsync(ChangedMeanwhile);
    }

    private static void Renumber(IEnumerable<Article> articles)
    {
        var position = 0;
        foreach (var a in articles.OrderBy(a => a.Position))
        {
            a.Position = ++position;
        }
    }

    private async Task<Outcome<Issue>> EditableAsync(int id, Actor actor)
    {
        var issue = await FindAsync(id);
        if (issue is null)
        {
            return Outcome<Issue>.Refused(Outcome.NotFound("没有找到这一期。"));
        }

        return IssueRules.WhyNotEditable(issue, actor) is { } why ? Outcome<Issue>.Refused(Outcome.Forbidden(why)) : Outcome.Ok(issue);
    }

    public async Task<Outcome> CommentAsync(int id, string? body, Actor actor)
    {
        if (await db.Issues.FindAsync(id) is null)
        {
            return Outcome.NotFound("没有找到这一期。");
        }

        var written = ReviewComment.Create(actor, body, Now);
        if (written.Value is not { } comment)
        {
            return written;
        }

        comment.IssueId = id;
        db.ReviewComments.Add(comment);
        audit.Record(actor, nameof(Issue), id, "发表意见", detail: comment.Body);
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    public Task<List<ReviewComment>> CommentsAsync(int id) =>
        db.ReviewComments.AsNoTracking().Where(c => c.IssueId == id).OrderBy(c => c.CreatedAt).ToListAsync();

    public async Task<List<WordHit>> HitsAsync(Issue issue) =>
        SensitiveWordCheck.Find(issue, await db.SensitiveWords.AsNoTracking().ToListAsync(), markdown.ToPlainText);
}
