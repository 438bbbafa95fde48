using Newsletter.IntegrationTests.Features.Backup;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>
/// Hits are shown from the stored fields kept after the first showing (<see cref="StoredHits"/>): a corrected or merged
/// article must never be shown as it was, and the kept text stays within its bound.
/// </summary>
public sealed class StoredHitsTests : IDisposable
{
    private readonly string folder = BackupRestoreTests.TempFolder();

    public void Dispose() => BackupRestoreTests.Delete(folder);

    internal static SearchRequest Query(string text) => new(text, null, null, null, SearchSort.Relevance, 1, SignedIn: true);

    internal static SearchDocument Article(int id, int issueId, string title, string body) =>
        new(id, issueId, title, body, 6, "基层简讯", 2023, $"2023年第{issueId}期", "河池市计生协", null, null, true, id);

    [Fact]
    public void A_corrected_article_is_shown_corrected_after_it_was_shown_as_it_was()
    {
        using var index = new LuceneSearchIndex(new DataPaths(folder));
        index.Rebuild([Article(1, 1, "河池市举办婚育新风活动", "河池市计生协在金城江区举办婚育新风进万家宣传活动。"), Article(2, 1, "托育服务", "托育服务进社区。")], 1);
        var before = Assert.Single(index.Search(Query("婚育新风")).Hits);
        Assert.Contains("金城江区", before.SnippetHtml);

        // As a correction is applied: the issue's documents replaced, then a merge of everything into one segment.
        index.ReplaceIssues(new Dictionary<int, IReadOnlyList<SearchDocument>>
        {
            [1] = [Article(1, 1, "河池市开展婚育新风进万家活动", "河池市计生协在宜州区举办婚育新风进万家宣传活动。"), Article(2, 1, "托育服务", "托育服务进社区。")],
        }, 2);
        var after = Assert.Single(index.Search(Query("婚育新风")).Hits);
        Assert.Equal("河池市开展<mark>婚育新风</mark>进万家活动", after.TitleHtml);
        Assert.Contains("宜州区", after.SnippetHtml);
        Assert.DoesNotContain("金城江区", after.SnippetHtml);

        index.Rebuild([Article(2, 1, "托育服务", "托育服务进社区。"), Article(1, 1, "婚育新风第三稿", "河池市计生协在罗城县举办婚育新风活动。")], 3);
        var rebuilt = Assert.Single(index.Search(Query("婚育新风")).Hits);
        Assert.Equal("<mark>婚育新风</mark>第三稿", rebuilt.TitleHtml);
        Assert.Equal("托育服务", Assert.Single(index.Search(Query("托育")).Hits).TitleHtml.Replace("<mark>", "").Replace("</mark>", ""));
    }

    [Fact]
    public void Long_articles_beyond_the_bound_are_forgotten_and_still_shown_whole()
    {
        using var index = new LuceneSearchIndex(new DataPaths(folder));
        var body = "托育服务" + new string('文', 220_000);
        index.Rebuild(Enumerable.Range(1, 40).Select(n => Article(n, 1 + (n % 4), $"第{n}篇托育", body)), 1);

        // 40 bodies of 220,000 characters: more than the bound, over four pages of ten hits each.
        for (var page = 1; page <= 4; page++)
        {
            var results = index.Search(Query("托育") with { Page = page });
            Assert.Equal(40, results.Total);
            Assert.Equal(10, results.Hits.Count);
            Assert.All(results.Hits, h => Assert.StartsWith("<mark>托育</mark>服务", h.SnippetHtml));
        }

        // 37 bodies passed the bound: all were forgotten, then the page's last four kept.
        Assert.InRange(index.HeldCharacters, 4 * 220_000, 5 * 220_000);
        Assert.Equal(10, index.Search(Query("托育")).Hits.Count(h => h.SnippetHtml.StartsWith("<mark>托育</mark>服务", StringComparison.Ordinal)));
    }
}
