using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>An imported issue: its id and label, and what the importer asks an editor to check.</summary>
public sealed record ImportedIssue(int Id, string Label, IReadOnlyList<string> Warnings);

/// <summary>
/// Stores a parsed issue with its sections and articles in one transaction, or nothing.
/// Shared by the start-up seed import, the <c>import</c> command-line verb and the portal's import page.
/// </summary>
public sealed class IssueImporter(NewsletterDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ImportedIssue>> ImportAsync(byte[] content, string fileName, bool publish, CancellationToken ct = default) =>
        await StoreAsync(PlainTextIssueParser.Parse(content), fileName, publish, ct);

    /// <summary>Stores an issue already read and parsed (an upload through <see cref="IssueFile.ParseAsync"/>), or its errors.</summary>
    public async Task<Outcome<ImportedIssue>> ImportParsedAsync(Outcome<ParsedIssue> parsed, string fileName, bool publish, CancellationToken ct = default) =>
        await StoreAsync(parsed, fileName, publish, ct);

    private async Task<Outcome<ImportedIssue>> StoreAsync(Outcome<ParsedIssue> parsed, string fileName, bool publish, CancellationToken ct)
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

        var now = clock.GetUtcNow().UtcDateTime;
        var warnings = new List<string>(source.Warnings);
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

        var sections = await db.Sections.ToListAsync(ct);
        foreach (var parsedSection in source.Sections.Where(s => s.Items.Count > 0))
        {
            var section = sections.FirstOrDefault(s => s.Name == parsedSection.Name)
                          ?? AddSection(parsedSection, sections, warnings);
            var position = 0;
            foreach (var item in parsedSection.Items)
            {
                issue.Articles.Add(ToArticle(item, section, ++position, now));
            }
        }

        db.Issues.Add(issue);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(new ImportedIssue(issue.Id, issue.FullLabel, warnings));
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
