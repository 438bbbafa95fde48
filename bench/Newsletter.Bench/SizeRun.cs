using System.Diagnostics;
using System.Runtime.CompilerServices;
using Newsletter.SyntheticArchive;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Bench;

/// <summary>Everything measured at one archive size.</summary>
public sealed record SizeResult(
    int Size, double BuildSeconds, long IndexBytes, double SqliteInsertRate, long SqliteBytes,
    Latency Ours, Latency Baseline, long WorkingSet, long GcHeap, long PeakWorkingSet,
    (long Anonymous, long File) Rss, long LiveHeap, IReadOnlyDictionary<string, (int Ours, long Baseline)> Totals)
{
    public double BuildRate => Size / BuildSeconds;
}

public static class SizeRun
{
    public static SizeResult Run(SeedPool pool, int size, Options options, IReadOnlyList<string> queries)
    {
        var root = Path.Combine(Path.GetTempPath(), $"newsletter-bench-{Environment.ProcessId}-{size}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        try
        {
            var paths = new DataPaths(root);
            var (baselineStore, luceneIndex, insertSeconds, buildSeconds) = Fill(pool, size, options.Seed, paths);
            using var baseline = baselineStore;
            using var index = luceneIndex;

            // The archive list was the benchmark's own data, not something a serving node holds: it went out of
            // scope with Fill's frame and is collected once, so the memory figures below are those of the open index.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            SearchResults Ours(string q) => index.Search(new SearchRequest(q, null, null, null, SearchSort.Relevance, 1, SignedIn: true));
            var oursTotals = queries.ToDictionary(q => q, q => Ours(q).Total);
            Latency.Measure(queries, options.Warmup, q => Ours(q));
            var ours = Latency.Measure(queries, options.Queries, q => Ours(q));
            Log($"{size:N0}: Lucene p50 {ours.P50Ms:N2} ms, p99 {ours.P99Ms:N2} ms, {ours.Qps:N0} q/s ({Load()})");
            var (workingSet, gcHeap, rss) = (Environment.WorkingSet, GC.GetTotalMemory(false), Rss());
            var liveHeap = GC.GetTotalMemory(forceFullCollection: true); // diagnostic only, read after the figures above

            var baselineTotals = queries.ToDictionary(q => q, baseline.Search);
            var timed = Latency.Measure(queries, options.Queries, q => baseline.Search(q), TimeSpan.FromSeconds(options.BaselineSeconds));
            Log($"{size:N0}: SQLite LIKE p50 {timed.P50Ms:N2} ms, p99 {timed.P99Ms:N2} ms, {timed.Qps:N1} q/s ({timed.Count} queries; {Load()})");

            using var process = Process.GetCurrentProcess();
            return new SizeResult(size, buildSeconds, FolderBytes(paths.IndexFolder), size / insertSeconds,
                baseline.FileBytes, ours, timed, workingSet, gcHeap, process.PeakWorkingSet64, rss, liveHeap,
                queries.ToDictionary(q => q, q => (oursTotals[q], baselineTotals[q])));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Generates the archive and loads it into SQLite and Lucene. A method of its own (not inlined) so that no
    /// reference to the document list survives it: in a once-called method the JIT keeps its temporaries alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SqliteBaseline, LuceneSearchIndex, double InsertSeconds, double BuildSeconds) Fill(
        SeedPool pool, int size, int seed, DataPaths paths)
    {
        var documents = Archive.Generate(pool, size, seed);
        Log($"{size:N0}: archive generated ({Load()}), {documents.Sum(d => (long)d.Body.Length) / size:N0} body characters per article");

        var insert = Stopwatch.StartNew();
        var baseline = SqliteBaseline.Create(paths.SqliteFile, documents);
        insert.Stop();
        Log($"{size:N0}: SQLite baseline filled in {insert.Elapsed.TotalSeconds:N1} s");

        var index = new LuceneSearchIndex(paths);
        var build = Stopwatch.StartNew();
        index.Rebuild(documents, position: 1);
        build.Stop();
        Log($"{size:N0}: Lucene index built in {build.Elapsed.TotalSeconds:N1} s ({index.DocumentCount:N0} documents; {Load()})");
        return (baseline, index, insert.Elapsed.TotalSeconds, build.Elapsed.TotalSeconds);
    }

    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    /// <summary>The 1/5/15-minute load averages (Linux), to show whether something else shared the machine.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? "load " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load n/a";

    /// <summary>The working set split into anonymous (heap, runtime) and file-backed (the memory-mapped index) pages; Linux only.</summary>
    private static (long Anonymous, long File) Rss()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return (-1, -1);
        }

        var lines = File.ReadAllLines("/proc/self/status");
        long Kb(string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024 : -1;
        return (Kb("RssAnon:"), Kb("RssFile:"));
    }

    private static long FolderBytes(string folder) => new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
}
