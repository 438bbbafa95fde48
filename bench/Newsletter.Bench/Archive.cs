using Newsletter.SyntheticArchive;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Bench;

/// <summary>
/// The shared synthetic archive (<see cref="SyntheticArticles"/>) as search documents, each body
/// indexed as production does: Markdown, then plain text. Issues keep their random (repeating) year and number.
/// </summary>
public static class Archive
{
    public static List<SearchDocument> Generate(SeedPool pool, int count, int seed)
    {
        var markdown = new MarkdownRenderer();
        return SyntheticArticles.Generate(pool, count, seed).Select(a => new SearchDocument(
            ArticleId: a.Number,
            IssueId: a.IssueIndex,
            Title: a.Title,
            Body: markdown.ToPlainText(a.Markdown),
            SectionId: a.SectionIndex + 1,
            SectionName: a.SectionName,
            Year: a.Year,
            IssueLabel: a.IssueLabel,
            Organization: a.Organization,
            Correspondents: a.Correspondents,
            Author: a.Author,
            IsPublic: a.IsPublic,
            DateKey: (new DateOnly(a.Year, a.IssueNumber * 2, 1).DayNumber * 100_000L)
                + (99_999 - ((a.SectionIndex + 1) * 100) - a.PositionInIssue))).ToList();
    }
}
