using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>An imported issue: its id and label, and what the importer asks an editor to check.</summary>
public sealed record ImportedIssue(int Id, string Label, IReadOnlyList<string> Warnings);

/// <summary>
/// Stores a parsed issue with its sections and articles in one transaction, or nothing. The pictures of a Word issue are
/// stored in that transaction as pictures of their articles (see <see cref="PictureImport"/>); if the import then fails,
/// the files it wrote go too. Its audit entry (导入一期; none for the seeds) is saved in the same transaction. Shared by the start-up seed
/// import, the <c>import</c> command-line verb, the import page and its batches, all through <see cref="ImportFileAsync"/>.
/// </summary>
public sealed class IssueImporter(
    NewsletterDbContext db, TimeProvider clock, PictureImport pictures, AuditLog audit, IOptions<ImportOptions> options)
{
    /// <summary>Who stores the pictures of an import that has no signed-in user (the seed issues, which are text).</summary>
    public static readonly Actor System = new(null, "系统（导入）", new HashSet<string> { Roles.Editor });

    public Task<Outcome<ImportedIssue>> ImportAsync(byte[] content, string fileName, bool publish, CancellationToken ct = default) =>
        ImportFileAsync(content, fileName, publish, System, ct);

    /// <summary>
    /// The one entry of every door: reads the file by its extension (<see cref="IssueFile"/>: .txt in UTF-8, UTF-16 or GBK,
    /// .docx, …), given up after <see cref="ImportOptions.ReadTimeout"/>, and stores it with its audit entry, or nothing.
    /// </summary>
    public async Task<Outcome<ImportedIssue>> ImportFileAsync(
        byte[] content, string fileName, bool publish, Actor actor, CancellationToken ct = default) =>
        await StoreAsync(await ReadAsync(content, fileName, ct), fileName, publish, actor, ct);

    /// <summary>The file read and parsed as <see cref="ImportFileAsync"/> reads it, for a batch's dry run.</summary>
    public Task<Outcome<ParsedIssue>> ReadAsync(byte[] content, string fileName, CancellationToken ct = default) =>
        IssueFile.ParseAsync(content, fileName, options.Value.ReadTimeout, ct);

    /// <summary>Why <paramref name="source"/> cannot be stored: an issue with its 期号 or its 总第N期 is in the database; null when none is.</summary>
    public async Task<string?> StoredDuplicateAsync(ParsedIssue source, CancellationToken ct = default)
    {
        var label = $"{source.Year}年{(source.IsSupplement ? "增刊" : "")}第{source.Number}期";
        var clash = await db.Issues.AsNoTracking()
            .Where(i => (i.Year == source.Year && i.IsSupplement == source.IsSupplement && i.Number == source.Number)
                        || (source.SerialNumber != null && i.SerialNumber == source.SerialNumber))
            .Select(i => new { i.Year, i.Number, i.IsSupplement, i.SerialNumber })
            .FirstOrDefaultAsync(ct);
        if (clash is null)
        {
            return null;
        }

        var what = source.SerialNumber is { } serial && clash.SerialNumber == serial ? $"总第{serial}期" : label;
        return $"{what}已经在库中，不能重复导入；库中的内容没有改动。";
    }

    /// <summary>
    /// Stores an issue already read and parsed (through <see cref="IssueFile.Parse"/>), or its errors; its pictures are
    /// uploaded by <paramref name="actor"/>.
    /// </summary>
    public async Task<Outcome<ImportedIssue>> ImportParsedAsync(
        Outcome<ParsedIssue> parsed, string fileName, bool publish, Actor actor, CancellationToken ct = default) =>
        await StoreAsync(parsed, fileName, publish, actor, ct);

    private async Task<Outcome<ImportedIssue>> StoreAsync(Outcome<ParsedIssue> parsed, string fileName, bool publish, Actor actor, CancellationToken ct)
    {
        if (!parsed.Succeeded)
        {
            return Outcome<ImportedIssue>.Refused(parsed);
        }

        var source = parsed.Value!;
        if (await StoredDuplicateAsync(source, ct) is { } duplicate)
        {
            // A duplicate is a conflict with what is stored (409 on the import page; the seed import skips it quietly).
            return Outcome<ImportedIssue>.Refused(Outcome.Conflict(duplicate));
        }

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => StoreWithPicturesAsync(source, fileName, publish, actor, ct));
        }
        catch
        {
            db.ChangeTracker.Clear();
            pictures.Forget();
            throw;
        }
    }

    /// <summary>
    /// The issue and its articles first (the pictures and the audit entry need their ids), then the pictures, then the
    /// bodies that show them and the audit entry, all in one transaction.
    /// </summary>
    private async Task<Outcome<ImportedIssue>> StoreWithPicturesAsync(ParsedIssue source, string fileName, bool publish, Actor actor, CancellationToken ct)
    {
        // A retried attempt starts afresh: what the failed one wrote was rolled back, and its folders go.
        db.ChangeTracker.Clear();
        pictures.Forget();
        var warnings = new List<string>(source.Warnings);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (issue, articles) = await ComposeAsync(source, fileName, publish, warnings, ct);
        if (source.OriginalPdf is { } pdf)
        {
            issue.OriginalSha256 = await pictures.StoreOriginalPdfAsync(pdf, ct);
            issue.OriginalName = Path.GetFileName(fileName);
            issue.OriginalBytes = pdf.LongLength;
        }

        await db.SaveChangesAsync(ct);
        foreach (var (item, article) in articles.Where(p => p.Item.PictureNumbers.Any()))
        {
            article.Body = await pictures.PlaceAsync(item, article, source.Pictures, fileName, actor, warnings);
        }

        NotPlaced(source, articles.Sum(p => p.Item.PictureNumbers.Count()), warnings);
        FirstRevisions(articles, actor);
        if (!ReferenceEquals(actor, System))
        {
            // The seeds are part of setting up a fresh data folder, like the migrations: no one imported them.
            audit.Record(actor, nameof(Issue), issue.Id, "导入一期",
                to: IssueWorkflow.StatusName(issue.Status), detail: $"{issue.FullLabel}，文件 {Path.GetFileName(fileName)}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        pictures.Kept();
        return Outcome.Ok(new ImportedIssue(issue.Id, issue.FullLabel, warnings));
    }

    /// <summary>修订 1 of each article is the text as imported, so a later edit or 更正 never loses the printed wording.</summary>
    private void FirstRevisions(List<(ParsedArticle Item, Article Article)> articles, Actor actor)
    {
        foreach (var (_, article) in articles)
        {
            var revision = new ArticleRevision
            {
                Number = 1, Title = article.Title, Body = article.Body, CreatedAt = article.CreatedAt,
                AuthorId = actor.UserId, AuthorName = actor.Name, Note = ArticleRevision.ImportedNote,
            };
            db.ArticleRevisions.Add(revision);
            // Unsaved, the article's key is a temporary value held by its entry; the save puts the real one in both.
            db.Entry(revision).Property(r => r.ArticleId).CurrentValue = db.Entry(article).Property(a => a.Id).CurrentValue;
        }
    }

    private static void NotPlaced(ParsedIssue source, int placed, List<string> warnings)
    {
        if (source.Pictures.Count > placed)
        {
            warnings.Add($"Word 文件中有 {source.Pictures.Count - placed} 张图片不在任何文章的正文里（如报头、目录或报尾中的图片），没有导入。");
        }
    }

    /// <summary>The issue with its sections and articles, added to the context but not saved.</summary>
    private async Task<(Issue Issue, List<(ParsedArticle Item, Article Article)> Articles)> ComposeAsync(
        ParsedIssue source, string fileName, bool publish, List<string> warnings, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var issue = new Issue
        {
            Year = source.Year,
            Number = source.Number,
            IsSupplement = source.IsSupplement,
            SerialNumber = source.SerialNumber,
            CoverMonth = source.CoverMonth,
            PrintDate = source.PrintDate,
            Copies = source.Copies,
            ChiefEditor = source.ChiefEditor,
            Editor = source.Editor,
            ResponsibleEditor = source.ResponsibleEditor,
            SendTo = source.SendTo,
            DistributeTo = source.DistributeTo,
            SourceFile = Path.GetFileName(fileName),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (publish)
        {
            issue.PublishAsPrinted(now);
        }

        var articles = new List<(ParsedArticle, Article)>();
        var sections = await db.Sections.ToListAsync(ct);
        foreach (var parsedSection in source.Sections.Where(s => s.Items.Count > 0))
        {
            var section = sections.FirstOrDefault(s => s.Name == parsedSection.Name)
                          ?? Synonym(parsedSection, sections, warnings)
                          ?? AddSection(parsedSection, sections, warnings);
            var position = 0;
            foreach (var item in parsedSection.Items)
            {
                var article = ToArticle(item, section, ++position, now);
                issue.Articles.Add(article);
                articles.Add((item, article));
            }
        }

        db.Issues.Add(issue);
        return (issue, articles);
    }

    /// <summary>A section printed under another of its names (<see cref="SectionSynonyms"/>) is filed under the portal's one.</summary>
    private static Section? Synonym(ParsedSection parsed, List<Section> sections, List<string> warnings)
    {
        var section = SectionSynonyms.PortalNameOf(parsed.Name) is { } name ? sections.FirstOrDefault(s => s.Name == name) : null;
        if (section is not null)
        {
            warnings.Add($"目录中的栏目“{parsed.Name}”是“{section.Name}”的另一个名称，其中的文章已归入“{section.Name}”。");
        }

        return section;
    }

    /// <summary>
    /// A section that is neither the portal's nor a synonym is made, but inactive: it holds this issue's articles (shown
    /// with the issue) without appearing in the section lists or the editor's choices until an administrator checks it.
    /// </summary>
    private Section AddSection(ParsedSection parsed, List<Section> sections, List<string> warnings)
    {
        var section = new Section
        {
            Name = parsed.Name,
            Slug = $"section-{sections.Count + 1}",
            SortOrder = sections.Max(s => s.SortOrder) + 10,
            Kind = parsed.HoldsBriefs ? SectionKind.Briefs : SectionKind.Articles,
            IsActive = false,
        };
        sections.Add(section);
        db.Sections.Add(section);
        warnings.Add($"目录中的栏目“{parsed.Name}”不是本站的栏目，也不是已知的别名；已新建为停用的栏目，本期文章照常归在其下。"
                     + "请管理员检查：是新栏目就启用并排序，是已有栏目的另一个名称就加入栏目别名。");
        return section;
    }

    private static Article ToArticle(ParsedArticle item, Section section, int position, DateTime now)
    {
        var article = new Article
        {
            Title = item.Title,
            Body = item.Body,
            Section = section,
            Position = position,
            AttributionOrganization = item.AttributionOrganization,
            Correspondents = item.Correspondents,
            AuthorName = item.AuthorName,
            AuthorTitle = item.AuthorTitle,
            SourceKind = item.SourceKind,
            SourceName = item.SourceName,
            SourceDate = item.SourceDate,
            Dateline = item.Dateline,
            PrintedPage = item.PrintedPage,
            CreatedAt = now,
            UpdatedAt = now,
        };
        article.AcceptAsPrinted();
        return article;
    }
}
