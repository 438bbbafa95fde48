using System.Globalization;
using System.Text;

namespace Newsletter.ImportBench;

/// <summary>The run's figures as a Markdown table: PDF batch, .txt baseline, and the target.</summary>
public static class Report
{
    public static string Markdown(BatchResult pdf, BatchResult txt)
    {
        var rows = new List<(string Name, Func<BatchResult, string> Value, string Target)>
        {
            ("files (MB)", r => $"{r.Files} ({r.Bytes / 1024.0 / 1024.0:F1})", ""),
            ("dry run: receive + read every file (s)", r => S(r.DryRun), ""),
            ("apply: read again + store each issue (s)", r => S(r.Apply), ""),
            ("search index current after the apply (s)", r => S(r.IndexCatchUp), ""),
            ("**total (s)**", r => $"**{S(r.Total)}**", "≤ 60"),
            ("files/s (total)", r => F(r.Files / r.Total.TotalSeconds), ""),
            ("ratio: 60 s ÷ total", r => F(60 / r.Total.TotalSeconds) + "×", "≥ 1"),
            ("would import (dry run) / imported", r => $"{r.WouldImport} / {r.Imported}", "all"),
            ("articles expected / stored / indexed", r => $"{r.ArticlesExpected} / {r.ArticlesStored} / {r.Indexed}", "equal"),
            ("last issue's title found by search", r => r.TitleFound ? "yes" : "NO", "yes"),
            ("working set: portal started / sampled peak in dry run / in apply (MB)",
                r => $"{Bench.Mb(r.StartedMb)} / {Bench.Mb(r.DryRunPeakMb)} / {Bench.Mb(r.ApplyPeakMb)}", ""),
            ("**peak working set of the process (MB)**", r => $"**{Bench.Mb(r.PeakMb)}**", "< 400"),
        };
        var text = new StringBuilder();
        text.AppendLine("| | 100 × .pdf | 100 × .txt (baseline) | Target (PDF) |".Replace("100", pdf.Files.ToString(CultureInfo.InvariantCulture)));
        text.AppendLine("|---|---:|---:|---|");
        foreach (var (name, value, target) in rows)
        {
            text.AppendLine($"| {name} | {value(pdf)} | {value(txt)} | {target} |");
        }

        text.AppendLine();
        text.AppendLine($"PDF ÷ .txt total time: {F(pdf.Total / txt.Total)}× (the cost of reading PDFs: "
                        + $"{S(pdf.Total - txt.Total)} s for {pdf.Files} files, {F((pdf.Total - txt.Total).TotalMilliseconds / pdf.Files / 2)} ms per read, "
                        + "each file being read twice: dry run and apply)");
        text.AppendLine($"Each batch ran in a fresh process of its own, the portal's host in it (Process.PeakWorkingSet64). Last title searched: {pdf.Title}");
        return text.ToString();
    }

    private static string S(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
