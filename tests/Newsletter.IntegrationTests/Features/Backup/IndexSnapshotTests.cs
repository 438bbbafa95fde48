using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Newsletter.Web.Features.Backup;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;

namespace Newsletter.IntegrationTests.Features.Backup;

/// <summary>The backup copies the search index while the portal's writer keeps committing (and merging away files).</summary>
public sealed class IndexSnapshotTests : IDisposable
{
    private readonly string folder = BackupRestoreTests.TempFolder();

    public void Dispose() => BackupRestoreTests.Delete(folder);

    [Fact]
    public async Task Each_copy_taken_during_commits_opens_as_one_whole_commit()
    {
        using var index = new LuceneSearchIndex(new DataPaths(folder));
        index.Rebuild(Documents(1, 3), 1);
        long committed = 1;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var position = 2L; !stop.IsCancellationRequested; position++)
            {
                // Issue 2 is in the even commits only, so a copy mixing two commits would show the wrong count.
                index.ReplaceIssues(new Dictionary<int, IReadOnlyList<SearchDocument>>
                {
                    [1] = Documents(1, 3), [2] = position % 2 == 0 ? Documents(2, 2) : [],
                }, position);
                Interlocked.Exchange(ref committed, position);
                await Task.Delay(1);
            }
        });

        var positions = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            // Every copy starts after at least one more commit than the previous one.
            var previous = positions.LastOrDefault();
            while (Interlocked.Read(ref committed) <= previous)
            {
                await Task.Delay(1);
            }

            var target = Path.Combine(folder, "copies", i.ToString(CultureInfo.InvariantCulture));
            var position = IndexSnapshot.Copy(Path.Combine(folder, "index"), target)!.Value;
            using var directory = FSDirectory.Open(target);
            using var reader = DirectoryReader.Open(directory);
            Assert.Equal(position, long.Parse(reader.IndexCommit.UserData["outbox"], CultureInfo.InvariantCulture));
            Assert.Equal(position % 2 == 0 ? 5 : 3, reader.NumDocs);
            Assert.DoesNotContain("write.lock", System.IO.Directory.GetFiles(target).Select(Path.GetFileName));
            positions.Add(position);
        }

        await stop.CancelAsync();
        await writer;
        Assert.Equal(positions.Distinct().Order(), positions);
    }

    [Fact]
    public void A_commit_that_deletes_files_mid_copy_makes_the_copy_start_over_from_the_newer_commit()
    {
        using var index = new LuceneSearchIndex(new DataPaths(folder));
        index.Rebuild(Documents(1, 3), 1);
        var attempts = 0;
        var position = IndexSnapshot.Copy(Path.Combine(folder, "index"), Path.Combine(folder, "copy"), () =>
        {
            if (++attempts == 1)
            {
                // Between listing commit 1 and copying it, the writer commits twice and its files are deleted.
                index.Rebuild(Documents(1, 2), 2);
                index.Rebuild(Documents(1, 4), 3);
            }
        });

        Assert.Equal(2, attempts);
        Assert.Equal(3, position);
        using var directory = FSDirectory.Open(Path.Combine(folder, "copy"));
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(4, reader.NumDocs);
    }

    private static List<SearchDocument> Documents(int issueId, int count) =>
        Enumerable.Range(1, count).Select(n => new SearchDocument((issueId * 100) + n, issueId, $"第{n}篇", "河池市计生协举办婚育新风进万家宣传活动。",
            6, "基层简讯", 2023, "2023年第3期", null, null, null, true, n)).ToList();
}
