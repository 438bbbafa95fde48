using System.Globalization;
using System.Text;

namespace Newsletter.Bench;

/// <summary>The results as one table (metric × size, with the targets checked at 100,000 articles), for the console and as Markdown.</summary>
public static class Report
{
    private const double MB = 1024 * 1024;

    public static List<string[]> Rows(IReadOnlyList<SizeResult> results)
    {
        var at = results.FirstOrDefault(r => r.Size == 100_000) ?? results.MaxBy(r => r.Size)!;
        var header = new List<string> { "Metric" };
        header.AddRange(results.Select(r => $"{r.Size:N0} articles"));
        header.Add(at.Size == 100_000 ? "Target (at 100,000)" : $"Target (at {at.Size:N0}, not 100,000)");
        header.Add("Result");
        var rows = new List<string[]> { header.ToArray() };

        void Row(string metric, Func<SizeResult, double> value, string format, string target = "", Func<double, bool>? pass = null)
        {
            var cells = new List<string> { metric };
            cells.AddRange(results.Select(r => value(r).ToString(format, CultureInfo.InvariantCulture)));
            cells.Add(target);
            cells.Add(pass is null ? "" : pass(value(at)) ? "PASS" : "FAIL");
            rows.Add(cells.ToArray());
        }

        Row("Ours: index build (articles/s)", r => r.BuildRate, "N0", "≥ 1,000 articles/s", v => v >= 1000);
        Row("Ours: index build time (s)", r => r.BuildSeconds, "N1");
        Row("Ours: index on disk (MB)", r => r.IndexBytes / MB, "N0");
        Row("Ours: p50 (ms)", r => r.Ours.P50Ms, "N2");
        Row("Ours: p99 (ms)", r => r.Ours.P99Ms, "N2", "≤ 30 ms", v => v <= 30);
        Row("Ours: queries/s", r => r.Ours.Qps, "N1");
        Row("Ours: queries timed", r => r.Ours.Count, "N0");
        Row("Baseline: SQLite insert (articles/s)", r => r.SqliteInsertRate, "N0");
        Row("Baseline: SQLite file (MB)", r => r.SqliteBytes / MB, "N0");
        Row("Baseline: p50 (ms)", r => r.Baseline.P50Ms, "N2");
        Row("Baseline: p99 (ms)", r => r.Baseline.P99Ms, "N2");
        Row("Baseline: queries/s", r => r.Baseline.Qps, "N2");
        Row("Baseline: queries timed", r => r.Baseline.Count, "N0");
        Row("Ratio: our q/s ÷ baseline q/s", r => r.Ours.Qps / r.Baseline.Qps, "N1", "≥ 20×", v => v >= 20);
        Row("Ratio: baseline p99 ÷ our p99", r => r.Baseline.P99Ms / r.Ours.P99Ms, "N1");
        Row("Memory: working set after queries (MB)", r => r.WorkingSet / MB, "N0", "< 400 MB", v => v < 400);
        Row("  of which file-backed: mapped index, DLLs (MB)", r => r.Rss.File / MB, "N0");
        Row("  of which anonymous: heaps, runtime (MB)", r => r.Rss.Anonymous / MB, "N0");
        Row("Memory: GC heap after queries (MB)", r => r.GcHeap / MB, "N0");
        Row("  GC heap still live after a full GC (MB)", r => r.LiveHeap / MB, "N0");
        Row("Memory: peak working set so far (MB)", r => r.PeakWorkingSet / MB, "N0");
        return rows;
    }

    /// <summary>Per query: hits found by ours and by the baseline, and our median latency, at each size.</summary>
    public static List<string[]> QueryRows(IReadOnlyList<SizeResult> results)
    {
        var header = new List<string> { "Query" };
        foreach (var r in results)
        {
            header.AddRange([$"ours hits @{r.Size:N0}", $"LIKE hits @{r.Size:N0}", $"ours p50 ms @{r.Size:N0}", $"LIKE p50 ms @{r.Size:N0}"]);
        }

        var rows = new List<string[]> { header.ToArray() };
        foreach (var query in results[0].Totals.Keys)
        {
            var cells = new List<string> { query };
            foreach (var r in results)
            {
                cells.AddRange([
                    r.Totals[query].Ours.ToString("N0", CultureInfo.InvariantCulture),
                    r.Totals[query].Baseline.ToString("N0", CultureInfo.InvariantCulture),
                    Median(r.Ours, query), Median(r.Baseline, query)]);
            }

            rows.Add(cells.ToArray());
        }

        return rows;
    }

    public static string Console(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            text.AppendLine(string.Join("  ", rows[i].Select((cell, c) => c == 0 ? Pad(cell, widths[c], left: true) : Pad(cell, widths[c], left: false))));
            if (i == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        return text.ToString();
    }

    public static string Markdown(List<string[]> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", rows[0]) + " |");
        text.AppendLine("|" + string.Join("|", rows[0].Select((_, c) => c == 0 ? "---" : "---:")) + "|");
        foreach (var row in rows.Skip(1))
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }

    private static string Median(Latency latency, string query) =>
        latency.MedianByQuery.TryGetValue(query, out var ms) ? ms.ToString("N2", CultureInfo.InvariantCulture) : "–";

    /// <summary>Display width: CJK characters take two columns.</summary>
    private static int Width(string s) => s.Sum(c => c >= '\u2e80' ? 2 : 1);

    private static string Pad(string s, int width, bool left) =>
        left ? s + new string(' ', width - Width(s)) : new string(' ', width - Width(s)) + s;
}
