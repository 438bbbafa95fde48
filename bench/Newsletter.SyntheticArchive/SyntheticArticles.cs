using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.SyntheticArchive;

/// <summary>One generated article: its issue (numbered from 1 in generation order) and what a reader sees.</summary>
public sealed record SyntheticArticle(
    int Number,
    int IssueIndex,
    int PositionInIssue,
    int Year,
    int IssueNumber,
    bool IsPublic,
    int SectionIndex,
    string SectionName,
    string Title,
    string Markdown,
    string? Organization,
    string? Correspondents,
    string? Author)
{
    /// <summary>2019年第4期(总第25期): the label the random year and number give (labels repeat across issues).</summary>
    public string IssueLabel => $"{Year}年第{IssueNumber}期(总第{((Year - 2010) * 6) + IssueNumber}期)";
}

/// <summary>
/// A deterministic synthetic archive: the same pool, size and seed give the same articles on every run.
/// Articles come in issues of twelve (a random year, number and visibility per issue — so labels repeat in a
/// large archive); each has a title made from seed titles or two title fragments, 3–8 seed paragraphs as
/// Markdown (as the importer writes them), one of the six sections, and usually one of the seed's attribution
/// organisations. Lazy, so a large archive can be consumed without holding it twice.
/// </summary>
public static class SyntheticArticles
{
    public const int ArticlesPerIssue = 12;

    public static IEnumerable<SyntheticArticle> Generate(SeedPool pool, int count, int seed)
    {
        var random = new Random(seed);
        var (issueIndex, year, number, isPublic) = (0, 0, 0, true);
        for (var i = 0; i < count; i++)
        {
            if (i % ArticlesPerIssue == 0)
            {
                issueIndex = (i / ArticlesPerIssue) + 1;
                year = random.Next(2010, 2026);
                number = random.Next(1, 7);
                isPublic = random.Next(10) < 8;
            }

            var sectionIndex = random.Next(pool.Sections.Count);
            var (sectionName, briefs) = pool.Sections[sectionIndex];
            var paragraphs = Enumerable.Range(0, random.Next(3, 9)).Select(_ => Pick(random, pool.Paragraphs)).ToList();
            var title = random.Next(3) == 0
                ? Pick(random, pool.Titles)
                : Pick(random, pool.Fragments) + " " + Pick(random, pool.Fragments);
            var organization = random.Next(10) < 9 ? Pick(random, pool.Organizations) : null;
            var correspondents = random.Next(5) == 0 ? Pick(random, pool.Correspondents) : null;
            var author = random.Next(10) == 0 ? Pick(random, pool.Authors) : null;
            yield return new SyntheticArticle(
                i + 1, issueIndex, i % ArticlesPerIssue, year, number, isPublic, sectionIndex, sectionName, title,
                PrintedTextToMarkdown.Convert(paragraphs, briefs), organization, correspondents, author);
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
