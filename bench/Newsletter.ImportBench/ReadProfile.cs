using System.Diagnostics;
using Newsletter.Web.Features.Editorial.Import;
using UglyToad.PdfPig;

namespace Newsletter.ImportBench;

/// <summary>
/// <c>--profile</c>: where one PDF read spends its time and allocations, file by file, single thread, no portal: PdfPig alone
/// (open, every page's letters), the whole <see cref="PdfIssueReader.ReadText"/> (PdfPig + lines, furniture, paragraphs), and
/// <see cref="PlainTextIssueParser"/> on its text (the text importer's rules, shared with .txt).
/// </summary>
public static class ReadProfile
{
    public static void Run(IReadOnlyList<string> pdfs)
    {
        var (pig, read, parse) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        var (pigBytes, readBytes, parseBytes) = (0L, 0L, 0L);
        var letters = 0L;
        foreach (var file in pdfs.Take(3).Concat(pdfs))
        {
            // The first three are a warm-up (JIT), read again in the timed pass.
            var bytes = File.ReadAllBytes(file);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            using (var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }))
            {
                letters += document.GetPages().Sum(p => p.Letters.Count);
            }

            var t1 = watch.Elapsed;
            var a1 = GC.GetAllocatedBytesForCurrentThread();
            var text = PdfIssueReader.ReadText(bytes, file).Value ?? throw new InvalidOperationException(file + " does not read");
            var t2 = watch.Elapsed;
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            var parsed = PlainTextIssueParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
            var t3 = watch.Elapsed;
            var a3 = GC.GetAllocatedBytesForCurrentThread();
            if (!parsed.Succeeded)
            {
                throw new InvalidOperationException(file + ": " + string.Join(" ", parsed.Errors));
            }

            (pig, read, parse) = (pig + t1, read + (t2 - t1), parse + (t3 - t2));
            (pigBytes, readBytes, parseBytes) = (pigBytes + (a1 - allocated), readBytes + (a2 - a1), parseBytes + (a3 - a2));
        }

        var n = pdfs.Count + 3;
        Console.WriteLine($"per PDF (mean of {n} reads, 3 warm-up included; {letters / n:N0} letters each):");
        Console.WriteLine($"| step | ms | allocated MB |");
        Console.WriteLine($"|---|---:|---:|");
        Console.WriteLine($"| PdfPig alone: open + every page's letters | {pig.TotalMilliseconds / n:F1} | {pigBytes / n / 1048576.0:F1} |");
        Console.WriteLine($"| PdfIssueReader.ReadText (PdfPig again + lines, furniture, paragraphs) | {read.TotalMilliseconds / n:F1} | {readBytes / n / 1048576.0:F1} |");
        Console.WriteLine($"| PlainTextIssueParser.Parse on that text | {parse.TotalMilliseconds / n:F1} | {parseBytes / n / 1048576.0:F1} |");
    }
}
