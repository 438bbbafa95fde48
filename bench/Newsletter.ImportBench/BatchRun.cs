using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Data;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Search;

namespace Newsletter.ImportBench;

/// <summary>What one batch run measured.</summary>
public sealed record BatchResult(
    string Kind, int Files, long Bytes, TimeSpan DryRun, TimeSpan Apply, TimeSpan IndexCatchUp, int WouldImport, int Imported,
    int ArticlesStored, int ArticlesExpected, int Indexed, bool TitleFound, string Title, double StartedMb, double DryRunPeakMb, double ApplyPeakMb,
    double PeakMb)
{
    public TimeSpan Total => DryRun + Apply + IndexCatchUp;

    public bool IndexCurrent => Indexed == ArticlesStored && ArticlesStored == ArticlesExpected && TitleFound;
}

/// <summary>
/// One batch through the portal's batch code, as the import page runs it: the files received into a batch folder
/// (<see cref="ImportBatchIntake"/>) and dry-run (<see cref="ImportBatchRunner.DryRunAsync"/>), the batch saved; then applied
/// file by file with the worker's report saving after each file (<see cref="ImportBatchRunner.ApplyAsync"/>, published, as
/// <c>import --publish</c> does, so the search indexer takes every article); then the wait until the portal's own
/// <see cref="SearchIndexerService"/> has applied the search outbox.
/// </summary>
public static class BatchRun
{
    /// <summary>
    /// Runs the batch in a fresh process of this program (<c>--batch</c>), so each kind's memory figures start from nothing.
    /// </summary>
    public static BatchResult InChildProcess(string kind, string folder, int expectedArticles, string lastTitle)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BatchRun).Assembly.Location);
        }

        foreach (var arg in new[] { "--batch", kind, folder, expectedArticles.ToString(CultureInfo.InvariantCulture), lastTitle })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var result = output.Split('\n').LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        return result is not null && child.ExitCode == 0
            ? JsonSerializer.Deserialize<BatchResult>(result[ResultPrefix.Length..])!
            : throw new InvalidOperationException($"the {kind} batch failed (exit code {child.ExitCode}): {output}");
    }

    public const string ResultPrefix = "RESULT ";

    /// <summary>The child's side: the batch of every <paramref name="kind"/> file in <paramref name="folder"/>, in name order.</summary>
    public static async Task<int> ChildAsync(string kind, string folder, int expectedArticles, string lastTitle)
    {
        var files = Directory.EnumerateFiles(folder, "*" + kind).Order(StringComparer.Ordinal).ToList();
        using var memory = new MemorySampler();
        var result = await RunAsync(kind, files, expectedArticles, lastTitle, memory);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<BatchResult> RunAsync(string kind, IReadOnlyList<string> files, int expectedArticles, string lastTitle, MemorySampler memory)
    {
        var data = Directory.CreateTempSubdirectory($"import-bench-{kind.TrimStart('.')}-").FullName;
        try
        {
            await using var portal = new BenchPortal(data);
            var index = await portal.StartedAsync();
            await using var scope = portal.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var store = services.GetRequiredService<ImportBatchStore>();
            var runner = services.GetRequiredService<ImportBatchRunner>();
            var started = memory.Reset();
            Bench.Log($"{kind}: portal started, working set {started:F0} MB");

            var watch = Stopwatch.StartNew();
            var batch = store.Create("import-bench");
            var intake = new ImportBatchIntake(store.FolderOf(batch));
            foreach (var file in files)
            {
                await intake.AddAsync(Path.GetFileName(file), new FileInfo(file).Length, () => File.OpenRead(file), CancellationToken.None);
            }

            batch.Files.AddRange(intake.Files);
            batch.DryRun.AddRange(await runner.DryRunAsync(intake.Files, CancellationToken.None));
            store.Save(batch);
            var dryRun = watch.Elapsed;
            var dryRunPeak = memory.Reset();
            Bench.Log($"{kind}: dry run {dryRun.TotalSeconds:F1} s");
            foreach (var refused in batch.DryRun.Where(l => l.Kind == ImportBatchLineKind.Refused))
            {
                Bench.Log($"{kind}: REFUSED {refused.Name}: {string.Join(" ", refused.Errors)}");
            }


            watch.Restart();
            store.TryStartApply(batch);
            await runner.ApplyAsync(batch.Files, publish: true, ImportCommand.Actor, line =>
            {
                batch.Applied.Add(line);
                store.Save(batch);
                return Task.CompletedTask;
            }, CancellationToken.None);
            batch.State = ImportBatchState.Done;
            ImportBatchStore.DeleteFiles(batch);
            store.Save(batch);
            var apply = watch.Elapsed;
            Bench.Log($"{kind}: apply {apply.TotalSeconds:F1} s");

            // Current = the outbox applied and the newest issue's title found by a search. The outbox position alone is not
            // enough: the index records it just before its commit becomes searchable.
            var db = services.GetRequiredService<NewsletterDbContext>();
            var last = await db.Issues.AsNoTracking().OrderByDescending(i => i.SerialNumber).Include(i => i.Articles).FirstAsync();
            var wanted = last.Articles.Single(a => a.Title == lastTitle);
            var indexer = services.GetRequiredService<SearchIndexer>();
            var query = new SearchRequest(lastTitle, null, last.Year, null, SearchSort.Date, 1, SignedIn: true);
            bool found;
            watch.Restart();
            while (!(found = await indexer.PendingAsync() == 0 && index.Search(query).Hits.Any(h => h.ArticleId == wanted.Id))
                   && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            var catchUp = watch.Elapsed;
            var applyPeak = memory.Reset();
            Bench.Log($"{kind}: search index current {catchUp.TotalSeconds:F1} s after the apply; “{lastTitle}” (article {wanted.Id}) "
                      + (found ? "found" : "NOT found in 2 minutes"));
            var gc = GC.GetGCMemoryInfo();
            Bench.Log($"{kind}: GC heap {gc.HeapSizeBytes / 1048576.0:F0} MB, committed {gc.TotalCommittedBytes / 1048576.0:F0} MB, "
                      + $"live after a full GC {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB (after the figures above)");
            var stored = await db.Articles.CountAsync();
            return new BatchResult(
                kind, files.Count, files.Sum(f => new FileInfo(f).Length), dryRun, apply, catchUp,
                batch.DryRun.Count(l => l.Kind == ImportBatchLineKind.WouldImport), batch.Applied.Count(l => l.Kind == ImportBatchLineKind.Imported),
                stored, expectedArticles, index.DocumentCount, found, lastTitle, started, dryRunPeak, applyPeak,
                Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
