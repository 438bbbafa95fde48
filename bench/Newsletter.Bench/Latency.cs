using System.Diagnostics;

namespace Newsletter.Bench;

/// <summary>Single-threaded latencies of queries run round-robin: p50, p99 and queries per second.</summary>
public sealed record Latency(int Count, double P50Ms, double P99Ms, double Qps, IReadOnlyDictionary<string, double> MedianByQuery)
{
    /// <summary>
    /// Runs <paramref name="count"/> queries round-robin, timing each. With a budget, stops early once the
    /// budget is spent and at least one full round has run (the count actually timed is reported).
    /// </summary>
    public static Latency Measure(IReadOnlyList<string> queries, int count, Action<string> run, TimeSpan? budget = null)
    {
        var samples = new List<(string Query, double Ms)>(count);
        var total = Stopwatch.StartNew();
        var one = new Stopwatch();
        for (var i = 0; i < count; i++)
        {
            var query = queries[i % queries.Count];
            one.Restart();
            run(query);
            one.Stop();
            samples.Add((query, one.Elapsed.TotalMilliseconds));
            if (budget is { } limit && total.Elapsed > limit && i + 1 >= queries.Count)
            {
                break;
            }
        }

        total.Stop();
        var sorted = samples.Select(s => s.Ms).Order().ToList();
        return new Latency(samples.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.99),
            samples.Count / total.Elapsed.TotalSeconds,
            samples.GroupBy(s => s.Query).ToDictionary(g => g.Key, g => Percentile(g.Select(s => s.Ms).Order().ToList(), 0.50)));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
