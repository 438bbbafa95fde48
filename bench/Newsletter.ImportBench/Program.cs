using System.Globalization;
using System.Runtime.InteropServices;
using Newsletter.SyntheticArchive;

namespace Newsletter.ImportBench;

// Import benchmark, run by hand (see bench/README.md; results in docs/benchmarks.md):
//   dotnet run -c Release --project bench/Newsletter.ImportBench -- [--count 100] [--pdfs <folder>] [--seed 65]
//   dotnet run -c Release --project bench/Newsletter.ImportBench -- --text <file.pdf>    (the text the importer reads from it)
//   dotnet run -c Release --project bench/Newsletter.ImportBench -- --profile            (where a PDF read spends its time)
// Issue 16's target: 100 office-made PDF issues imported in one batch (dry run + apply) ≤ 60 s on 2 cores, the search index
// current at the end, memory < 400 MB. Baseline in the same run: the same issues as .txt through the same batch.
// A class rather than top-level statements: the web project's Program (the host this bench starts) keeps its name.
internal static class ImportBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (args is ["--text", var file])
        {
            // What the importer reads from one PDF, for looking into a file the dry run refused.
            var read = Newsletter.Web.Features.Editorial.Import.PdfIssueReader.ReadText(await File.ReadAllBytesAsync(file), file);
            Console.WriteLine(read.Succeeded ? read.Value : string.Join("\n", read.Errors));
            return read.Succeeded ? 0 : 1;
        }

        if (args is ["--batch", var kind, var folder, var expected, var title])
        {
            return await BatchRun.ChildAsync(kind, folder, int.Parse(expected, CultureInfo.InvariantCulture), title);
        }

        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var count = int.Parse(Option("--count", "100"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option("--seed", "65"), CultureInfo.InvariantCulture);
        var pdfs = Path.GetFullPath(Option("--pdfs", Path.Combine(Path.GetTempPath(), $"newsletter-import-bench-pdfs-{count}-{seed}")));

        Bench.Log($"load average at start: {Bench.LoadAverage()}");
        var issues = PrintedIssues.Generate(SeedPool.Load(), count, seed);
        Bench.CheckParses(issues);
        var articles = issues.Sum(i => i.Articles);
        Bench.Log($"{count} issues generated (总第1–{count}期, {issues[0].Year}–{issues[^1].Year}), {articles} articles and briefs; every .txt parses as itself");
        OfficePdfs.Ensure(issues, pdfs);
        if (args.Contains("--profile"))
        {
            ReadProfile.Run(issues.Select(i => Path.Combine(pdfs, i.FileName(".pdf"))).ToList());
            return 0;
        }

        var texts = Directory.CreateTempSubdirectory("import-bench-txt-").FullName;
        foreach (var issue in issues)
        {
            await File.WriteAllTextAsync(Path.Combine(texts, issue.FileName(".txt")), issue.Text);
        }

        var lastTitle = issues[^1].Titles[^1];
        var pdf = BatchRun.InChildProcess(".pdf", pdfs, articles, lastTitle);
        var txt = BatchRun.InChildProcess(".txt", texts, articles, lastTitle);
        Directory.Delete(texts, recursive: true);
        var loadAtEnd = Bench.LoadAverage();

        Console.WriteLine($"Import benchmark: {count} issues in one batch, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
                          + $".NET {Environment.Version}, Server GC {System.Runtime.GCSettings.IsServerGC}; load average at the end {loadAtEnd}");
        Console.WriteLine();
        Console.WriteLine(Report.Markdown(pdf, txt));
        var met = pdf.Total.TotalSeconds <= 60 && pdf.IndexCurrent && txt.IndexCurrent && pdf.WouldImport == count && pdf.Imported == count
                  && pdf.PeakMb < 400;
        Console.WriteLine($"targets (≤ 60 s, index current, all {count} imported, < 400 MB): {(met ? "PASS" : "FAIL")}");
        return met ? 0 : 1;
    }
}
