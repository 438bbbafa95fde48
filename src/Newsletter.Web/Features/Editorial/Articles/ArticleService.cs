using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Notifications;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>
/// Writing and moving articles: every saved body becomes a revision, every status change goes through
/// <see cref="ArticleWorkflow"/> and is written to the audit log in the same transaction.
/// </summary>
public sealed class ArticleService(NewsletterDbContext db, AuditLog audit, MediaService media, Notifier notifier, TimeProvider clock)
{
    /// <summary>The loser of a race on an article's status (someone else moved it since the page was read).</summary>
    public const string ChangedMeanwhile = "就在您操作的同时，别人已处理了这篇稿件，您的这次操作没有执行。请刷新页面，看清最新状态后再操作。";

    /// <summary>The loser of a race on an article's text: the page then shows the stored version beside the loser's.</summary>
    public const string EditedMeanwhile = "在您编辑期间，别人保存了这篇稿件。您的文字没有丢失，请对照后合并。";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Article?> FindAsync(int id) =>
        db.Articles.Include(a => a.Issue).Include(a => a.Section).Include(a => a.Corrections)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id);

    public async Task<Article> CreateAsync(ArticleForm form, Actor actor)
    {
        var article = new Article { Title = form.Title, CreatedById = actor.UserId, CreatedByName = actor.Name, CreatedAt = Now, UpdatedAt = Now };
        form.ApplyTo(article);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        AddRevision(article, actor, "新建");
        audit.Record(actor, nameof(Article), article.Id, "新建稿件", to: ArticleWorkflow.StatusName(article.Status), detail: article.Title);
        await db.SaveChangesAsync();
        return article;
    }

    public async Task<Outcome> SaveAsync(int id, ArticleForm form, Actor actor, string? note = null)
    {
        var article = await FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome.NotFound("没有找到这篇稿件。");
        }

        if (ArticleRules.WhyNotEditable(article, actor) is { } why)
        {
            return Outcome.Forbidden(why);
        }

        return await SaveChangesAsync(article, form, actor, "修改稿件", note);
    }

    /// <summary>更正: changes a published article on the record, with its date and note shown to readers.</summary>
    public async Task<Outcome> CorrectAsync(int id, ArticleForm form, string note, Actor actor)
    {
        var article = await FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome.NotFound("没有找到这篇稿件。");
        }

        if (ArticleRules.WhyNotCorrectable(article, actor) is { } why)
        {
            return Outcome.Forbidden(why);
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Outcome.Invalid("请写明更正的内容，读者会在文章末尾看到它。");
        }

        article.Corrections.Add(new Correction { CorrectedAt = Now, Note = note.Trim(), ById = actor.UserId, ByName = actor.Name });
        return await SaveChangesAsync(article, form, actor, "更正", "更正：" + note.Trim());
    }

    private async Task<Outcome> SaveChangesAsync(Article article, ArticleForm form, Actor actor, string action, string? note)
    {
        db.Entry(article).Property(a => a.Version).OriginalValue = form.Version;
        var (title, body) = (article.Title, article.Body);
        var last = await LastRevisionTextAsync(article.Id) ?? (title, body);
        form.ApplyTo(article);
        article.UpdatedAt = Now;
        if (last != (article.Title, article.Body))
        {
            await KeepFirstTextAsync(article, title, body);
            AddRevision(article, actor, note);
        }

        audit.Record(actor, nameof(Article), article.Id, action, detail: note ?? article.Title);
        return await db.SaveOrConflictAsync(EditedMeanwhile);
    }

    /// <summary>
    /// 自动保存: the writer's fields stored with the same version rule as 保存, but without a revision or an audit line; the
    /// next 保存 compares with the last revision, so it records everything autosaved since as one revision
    /// (docs/decisions/0013-autosave.md). An article without revisions first keeps its old text as revision 1.
    /// </summary>
    /// <returns>The article's new version, which the editor's next save starts from.</returns>
    public async Task<Outcome<int>> AutosaveAsync(int id, ArticleForm form, Actor actor)
    {
        var article = await FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome<int>.Refused(Outcome.NotFound("没有找到这篇稿件。"));
        }

        if (ArticleRules.WhyNotEditable(article, actor) is { } why)
        {
            return Outcome<int>.Refused(Outcome.Forbidden(why));
        }

        var (title, body) = (article.Title, article.Body);
        form.ApplyTo(article);
        if (!db.ChangeTracker.HasChanges())
        {
            return Outcome.Ok(article.Version); // the stored article already is the writer's text
        }

        db.Entry(article).Property(a => a.Version).OriginalValue = form.Version;
        await KeepFirstTextAsync(article, title, body);
        article.UpdatedAt = Now;
        var saved = await db.SaveOrConflictAsync(EditedMeanwhile);
        return saved.Succeeded ? Outcome.Ok(article.Version) : Outcome<int>.Refused(saved);
    }

    public async Task<Outcome> TransitionAsync(int id, ArticleAction action, string? note, Actor actor)
    {
        var article = await FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome.NotFound("没有找到这篇稿件。");
        }

        var (row, refusal, message) = ArticleWorkflow.Instance.Check(article, action, actor, note);
        if (row is null)
        {
            return Outcome.From(refusal, message);
        }

        var from = article.Status;
        switch (action)
        {
            case ArticleAction.Submit: article.Submit(Now); break;
            case ArticleAction.Return: article.Return(Now); break;
            case ArticleAction.Accept: article.Accept(Now); break;
            case ArticleAction.Reopen: article.Reopen(Now); break;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            var comment = ReviewComment.OnTransition(actor, note, row.Label, Now);
            comment.ArticleId = id;
            db.ReviewComments.Add(comment);
        }

        audit.Record(actor, nameof(Article), id, row.Label, ArticleWorkflow.StatusName(from), ArticleWorkflow.StatusName(row.To), note);
        var saved = await db.SaveOrConflictAsync(ChangedMeanwhile);
        if (saved.Succeeded)
        {
            await notifier.ArticleChangedAsync(article, action, note, actor);
        }

        return saved;
    }

    public async Task<Outcome> CommentAsync(int id, string? body, Actor actor)
    {
        var article = await FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome.NotFound("没有找到这篇稿件。");
        }

        var written = ReviewComment.Create(actor, body, Now);
        if (written.Value is not { } comment)
        {
            return written;
        }

        comment.ArticleId = id;
        db.ReviewComments.Add(comment);
        audit.Record(actor, nameof(Article), id, "发表意见", detail: comment.Body);
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    /// <summary>One-click restore: the chosen revision's title and body become a new revision.</summary>
    public async Task<Outcome> RestoreAsync(int id, int number, Actor actor)
    {
        var article = await FindAsync(id);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number);
        if (article is null || revision is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome.NotFound("没有找到这个版本。");
        }

        var form = ArticleForm.From(article);
        form.Title = revision.Title;
        form.Body = revision.Body;
        if (ArticleRules.WhyNotEditable(article, actor) is { } why)
        {
            return Outcome.Forbidden(why);
        }

        var saved = await SaveChangesAsync(article, form, actor, "恢复版本", $"恢复到第 {number} 版");
        if (saved.Succeeded)
        {
            // The pictures the restored text shows come back on the article's list (replaced or deleted since).
            await media.ReturnToListAsync(id, revision.Body);
        }

        return saved;
    }

    public Task<List<ArticleRevision>> RevisionsAsync(int id) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).ToListAsync();

    public Task<List<ReviewComment>> CommentsAsync(int id) =>
        db.ReviewComments.AsNoTracking().Where(c => c.ArticleId == id).OrderBy(c => c.CreatedAt).ToListAsync();

    /// <summary>
    /// An article with no revision yet (imported before imports kept one) first gets revision 1 with the text it had, so the
    /// edit about to be saved is revision 2 and the printed wording stays in the history (docs/decisions/0010-back-issues.md).
    /// </summary>
    private async Task KeepFirstTextAsync(Article article, string title, string body)
    {
        if (await db.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id))
        {
            return;
        }

        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id, Number = 1, Title = title, Body = body, CreatedAt = article.CreatedAt,
            AuthorId = article.CreatedById, AuthorName = article.CreatedByName ?? IssueImporter.System.Name,
            Note = article.Issue?.IsBackIssue == true ? ArticleRevision.ImportedNote : "最初的文字",
        });
    }

    /// <summary>The text a new revision is measured against: the last revision's (autosaves in between made none).</summary>
    private async Task<(string Title, string Body)?> LastRevisionTextAsync(int articleId)
    {
        var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => new { r.Title, r.Body }).FirstOrDefaultAsync();
        return last is null ? null : (last.Title, last.Body);
    }

    private void AddRevision(Article article, Actor actor, string? note)
    {
        var last = db.ArticleRevisions.Local.Where(r => r.ArticleId == article.Id).Select(r => r.Number)
            .Concat(db.ArticleRevisions.Where(r => r.ArticleId == article.Id).Select(r => r.Number))
            .DefaultIfEmpty(0).Max();
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id, Number = last + 1, Title = article.Title, Body = article.Body,
            CreatedAt = Now, AuthorId = actor.UserId, AuthorName = actor.Name, Note = note,
        });
    }
}
