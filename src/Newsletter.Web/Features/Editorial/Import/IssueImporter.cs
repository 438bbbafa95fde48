using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>An imported issue: its id and label, and what the importer asks an editor to check.</summary>
public sealed record ImportedIssue(int Id, string Label, IReadOnlyList<string> Warnings);

/// <summary>
/// Stores a parsed issue with its sections and articles in one transaction, or nothing. The pictures of a Word issue are
/// stored in that transaction as pictures of their articles (see <see cref="PictureImport"/>); if the import then fails,
/// the files it wrote go too. Shared by the start-up seed import, the <c>import</c> command-line verb and the import page.
/// </summary>
public sealed class IssueImporter(NewsletterDbContext db, TimeProvider clock, PictureImport pictures)
{
    /// <summary>Who stores the pictures of an import that has no signed-in user (the seed issues, which are text).</summary>
    public static readonly Actor System = new(null, "系统（导入）", new HashSet<string> { Roles.Editor });

    public async Task<Outcome<ImportedIssue>> ImportAsync(byte[] content, string fileName, bool publish, CancellationToken ct = default) =>
        await StoreAsync(PlainTextIssueParser.Parse(content), fileName, publish, System, ct);

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
        var label = $"{source.Year}年{(source.IsSupplement ? "增刊" : "")}第{source.Number}期";
        var clash = await db.Issues.AsNoTracking()
            .Where(i => (i.Year == source.Year && i.IsSupplement == source.IsSupplement && i.Number == source.Number)
                        || (source.SerialNumber != null && i.SerialNumber == source.SerialNumber))
            .Select(i => new { i.Year, i.Number, i.IsSupplement, i.SerialNumber })
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            var what = source.SerialNumber is { } serial && clash.SerialNumber == serial ? $"总第{serial}期" : label;
            // A duplicate is a conflict with what is stored (409 on the import page; the seed import skips it quietly).
            return Outcome<ImportedIssue>.Refused(Outcome.Conflict($"{what}已经在库中，不能重复导入；库中的内容没有改动。"));
        }

        if (!source.AllItems.Any(a => a.PictureNumbers.Any()))
        {
            var warnings = new List<string>(source.Warnings);
            var (issue, articles) = await ComposeAsync(source, fileName, publish, warnings, ct);
            NotPlaced(source, 0, warnings);
            FirstRevisions(articles, actor);
            await db.SaveChangesAsync(ct);
            return Outcome.Ok(new ImportedIssue(issue.Id, issue.FullLabel, warnings));
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

    /// <summary>The issue and its articles first (the pictures need the articles' ids), then the pictures, then the bodies that show them.</summary>
    private async Task<Outcome<ImportedIssue>> StoreWithPicturesAsync(ParsedIssue source, string fileName, bool publish, Actor actor, CancellationToken ct)
    {
        // A retried attempt starts afresh: what the failed one wrote was rolled back, and its folders go.
        db.ChangeTracker.Clear();
        pictures.Forget();
        var warnings = new List<string>(source.Warnings);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (issue, articles) = await ComposeAsync(source, fileName, publish, warnings, ct);
        await db.SaveChangesAsync(ct);
        foreach (var (item, article) in articles.Where(p => p.Item.PictureNumbers.Any()))
        {
            article.Body = await pictures.PlaceAsync(item, article, source.Pictures, fileName, actor, warnings);
        }

        NotPlaced(source, articles.Sum(p => p.Item.PictureNumbers.Count()), warnings);
        FirstRevisions(articles, actor);
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

    private Section AddSection(ParsedSection parsed, List<Section> sections, List<string> warnings)
    {
        var section = new Section
        {
            Name = parsed.Name,
            Slug = $"section-{sections.Count + 1}",
            SortOrder = sections.Max(s => s.SortOrder) + 10,
            Kind = parsed.HoldsBriefs ? SectionKind.Briefs : SectionKind.Articles,
        };
        sections.Add(section);
        db.Sections.Add(section);
        warnings.Add($"目录中的栏目“{parsed.Name}”原来没有，已新建；请管理员检查它的排序。");
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
