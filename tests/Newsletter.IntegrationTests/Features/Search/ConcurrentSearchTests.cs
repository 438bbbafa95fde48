using Newsletter.IntegrationTests.Features.Backup;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>
/// The index is read with lock-free positional reads (<see cref="PositionalReadDirectory"/>): searches on many threads at
/// once, while the writer commits, find exactly what one search alone finds, and no file stays open once it is closed.
/// </summary>
public sealed class ConcurrentSearchTests : IDisposable
{
    private readonly string folder = BackupRestoreTests.TempFolder();

    public void Dispose() => BackupRestoreTests.Delete(folder);

    [Fact]
    public async Task Searches_on_eight_threads_during_commits_find_what_one_search_finds()
    {
        var documents = Enumerable.Range(1, 300).Select(n => StoredHitsTests.Article(n, 1 + (n % 7), n % 3 == 0 ? $"第{n}篇 托育服务" : $"第{n}篇 婚育新风",
            string.Concat(Enumerable.Repeat(n % 2 == 0 ? "推进普惠托育服务体系建设。" : "河池市计生协举办婚育新风进万家宣传活动。", 40)))).ToList();
        var queries = new[] { "托育", "婚育新风", "托育服务", "计生协 宣传", "普惠托育" };
        using (var index = new LuceneSearchIndex(new DataPaths(folder)))
        {
            index.Rebuild(documents, 1);
            var alone = queries.SelectMany(q => new[] { 1, 2, 3 }.Select(page => (q, page)))
                .ToDictionary(k => k, k => Expected(index.Search(StoredHitsTests.Query(k.q) with { Page = k.page })));
            Assert.Equal(200, index.Search(StoredHitsTests.Query("托育服务")).Total); // 150 bodies and 50 more titles

            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                // Commits of an issue that matches none of the queries: new segments, merges, deleted files.
                for (var position = 2L; !stop.IsCancellationRequested; position++)
                {
                    index.ReplaceIssues(new Dictionary<int, IReadOnlyList<SearchDocument>> { [99] = [StoredHitsTests.Article(10_000 + (int)position, 99, "其他", "无关内容。")] }, position);
                    await Task.Delay(5);
                }
            });
            var readers = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < 60; i++)
                {
                    var (q, page) = (queries[(i + t) % queries.Length], 1 + (i % 3));
                    Assert.Equal(alone[(q, page)], Expected(index.Search(StoredHitsTests.Query(q) with { Page = page })));
                }
            })).ToList();
            await Task.WhenAll(readers);
            await stop.CancelAsync();
            await writer;
        }

        // Closed: no file of the index is still open in this process (clones and compound-file slices closed none twice).
        var indexFolder = Path.Combine(folder, "index");
        var open = new DirectoryInfo("/proc/self/fd").GetFiles().Select(fd => fd.LinkTarget).Where(t => t?.StartsWith(indexFolder, StringComparison.Ordinal) == true);
        Assert.Empty(open);
    }

    private static string Expected(SearchResults results) =>
        $"{results.Total}:{string.Join(",", results.Hits.Select(h => h.ArticleId))}:{string.Join("|", results.Hits.Select(h => h.SnippetHtml))}";
}
