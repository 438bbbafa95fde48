using Newsletter.Web.Features.Import;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Bench;

/// <summary>
/// A deterministic synthetic archive: the same pool, size and seed give the same articles on every run.
/// Articles come in issues of twelve (one year, number and label per issue); each has a title made from
/// seed titles or two title fragments, 3–8 seed paragraphs, one of the six sections, and usually one of
/// the seed's attribution organisations. The body is indexed as production does: Markdown, then plain text.
/// </summary>
public static class Archive
{
    private const int ArticlesPerIssue = 12;

    public static List<SearchDocument> Generate(SeedPool pool, int count, int seed)
    {
        var random = new Random(seed);
        var markdown = new MarkdownRenderer();
        var documents = new List<SearchDocument>(count);
        var (issueId, year, number, isPublic) = (0, 0, 0, true);
        for (var i = 0; i < count; i++)
        {
            if (i % ArticlesPerIssue == 0)
            {
                issueId = (i / ArticlesPerIssue) + 1;
                year = random.Next(2010, 2026);
                number = random.Next(1, 7);
                isPublic = random.Next(10) < 8;
            }

            var position = i % ArticlesPerIssue;
            var sectionIndex = random.Next(pool.Sections.Count);
            var (sectionName, briefs) = pool.Sections[sectionIndex];
            var paragraphs = Enumerable.Range(0, random.Next(3, 9)).Select(_ => Pick(random, pool.Paragraphs)).ToList();
            var title = random.Next(3) == 0
                ? Pick(random, pool.Titles)
                : Pick(random, pool.Fragments) + " " + Pick(random, pool.Fragments);
            var organization = random.Next(10) < 9 ? Pick(random, pool.Organizations) : null;
            var correspondents = random.Next(5) == 0 ? Pick(random, pool.Correspondents) : null;
            var author = random.Next(10) == 0 ? Pick(random, pool.Authors) : null;
            var day = new DateOnly(year, number * 2, 1).DayNumber;
            documents.Add(new SearchDocument(
                ArticleId: i + 1,
                IssueId: issueId,
                Title: title,
                Body: markdown.ToPlainText(PrintedTextToMarkdown.Convert(paragraphs, briefs)),
                SectionId: sectionIndex + 1,
                SectionName: sectionName,
                Year: year,
                IssueLabel: $"{year}年第{number}期(总第{((year - 2010) * 6) + number}期)",
                Organization: organization,
                Correspondents: correspondents,
                Author: author,
                IsPublic: isPublic,
                DateKey: (day * 100_000L) + (99_999 - ((sectionIndex + 1) * 100) - position)));
        }

        return documents;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
