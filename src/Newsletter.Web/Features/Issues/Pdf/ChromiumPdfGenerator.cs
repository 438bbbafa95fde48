using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>
/// Prints with headless Chromium: the page, print.css and paged.polyfill.js go to a fresh temporary folder, Chromium
/// opens it by file:// URL, Paged.js lays out the A4 pages (and fills the 目录's page numbers), and Chromium prints them.
/// Results are kept in <see cref="DataPaths.PdfFolder"/>; one lock per key, so one Chromium per key at a time.
/// The page is the server's, but its text is the writers': Chromium gets no network (a proxy that goes nowhere, for
/// loopback too, and no name resolution) and the page gets <see cref="ContentSecurityPolicy"/>, so an image or anything
/// else in it can neither make the server request an address nor put a file of the server's disk into a public PDF.
/// </summary>
public sealed partial class ChromiumPdfGenerator(
    IOptions<PdfOptions> options, DataPaths paths, IWebHostEnvironment environment, ILogger<ChromiumPdfGenerator> logger) : IPdfGenerator
{
    /// <summary>Virtual time Chromium gives the page before printing; Paged.js needs well under this.</summary>
    private const int VirtualTimeBudgetMs = 30000;

    /// <summary>
    /// The printed page's policy, set as its first &lt;meta&gt;: its own scripts and print.css (the page lies in a folder of
    /// its own, and Paged.js reads print.css by XMLHttpRequest, hence file access and connect-src), the styles Paged.js
    /// inserts, and images only as <c>data:</c> URIs — the same rule as <see cref="MarkdownRenderer"/>'s, which drops the
    /// others before they get here. The issue's own stored pictures come inlined as <c>data:</c> URIs too (PdfController).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src data:; " +
        "font-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

    private static readonly string[] Assets = ["css/print.css", "js/raf-shim.js", "lib/pagedjs/paged.polyfill.js"];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);
    private int runs;

    /// <summary>How many times Chromium has been started by this instance.</summary>
    public int Runs => Volatile.Read(ref runs);

    public bool IsAvailable => ChromiumExecutable() is not null;

    public string? UnavailableReason => IsAvailable ? null : "服务器未安装 Chromium，暂不能生成 PDF；可用“打印版”从浏览器打印。";

    public async Task<string> GetOrCreateAsync(string key, string group, string html, CancellationToken ct)
    {
        if (key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || key.Contains(".."))
        {
            throw new ArgumentException("The key must be a plain file name.", nameof(key));
        }

        var target = Path.Combine(paths.PdfFolder, key + ".pdf");
        if (File.Exists(target))
        {
            return target;
        }

        var gate = locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (File.Exists(target))
            {
                return target;
            }

            var chromium = ChromiumExecutable() ?? throw new PdfUnavailableException(UnavailableReason!);
            Directory.CreateDirectory(paths.PdfFolder);
            var work = Directory.CreateTempSubdirectory("newsletter-pdf-");
            try
            {
                var output = await PrintAsync(chromium, work.FullName, html, ct);
                var partial = Path.Combine(paths.PdfFolder, $"{key}.{Guid.NewGuid():N}.partial");
                await File.WriteAllBytesAsync(partial, RepairText(await File.ReadAllBytesAsync(output, ct)), ct);
                File.Move(partial, target, overwrite: true);
                RemoveOlder(group, target);
                return target;
            }
            finally
            {
                TryDelete(work);
            }
        }
        finally
        {
            gate.Release(); // kept in the dictionary: removing it could let a waiter and a newcomer print at once
        }
    }

    private async Task<string> PrintAsync(string chromium, string work, string html, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(work, "index.html"), WithPolicy(html), ct);
        foreach (var asset in Assets)
        {
            var file = environment.WebRootFileProvider.GetFileInfo(asset);
            if (!file.Exists)
            {
                throw new InvalidOperationException($"wwwroot/{asset} is missing.");
            }

            await using var source = file.CreateReadStream();
            await using var copy = File.Create(Path.Combine(work, Path.GetFileName(asset)));
            await source.CopyToAsync(copy, ct);
        }

        var output = Path.Combine(work, "issue.pdf");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var argument in new[]
                 {
                     "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--no-pdf-header-footer", "--allow-file-access-from-files",
                     // No network: every request goes to a proxy where nothing listens (loopback included), no name resolves.
                     "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
                     $"--user-data-dir={Path.Combine(work, "profile")}", $"--virtual-time-budget={VirtualTimeBudgetMs}",
                     $"--print-to-pdf={output}", new Uri(Path.Combine(work, "index.html")).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        Interlocked.Increment(ref runs);
        using var process = Process.Start(start) ?? throw new PdfUnavailableException("无法启动 Chromium，暂不能生成 PDF。");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it has just ended
            }

            if (ct.IsCancellationRequested)
            {
                throw;
            }

            logger.LogError("Chromium did not print {Work} within {Timeout}", work, timeout);
            throw new PdfUnavailableException($"生成 PDF 超时（{timeout.TotalSeconds:0} 秒），请稍后再试，或用“打印版”从浏览器打印。");
        }

        var errors = await stderr;
        await stdout;
        if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
        {
            logger.LogError("Chromium exited with {Code} and no PDF: {Errors}", process.ExitCode, errors);
            throw new PdfUnavailableException("Chromium 未能生成 PDF，请稍后再试，或用“打印版”从浏览器打印。");
        }

        logger.LogInformation("Chromium printed {Bytes} bytes in {Elapsed} ms", new FileInfo(output).Length, watch.ElapsedMilliseconds);
        return output;
    }

    /// <summary>The page with <see cref="ContentSecurityPolicy"/> as the first element of its head, before anything it governs.</summary>
    private static string WithPolicy(string html)
    {
        var head = HeadTag().Match(html);
        if (!head.Success)
        {
            throw new ArgumentException("The page to print has no <head>.", nameof(html));
        }

        var meta = $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">";
        return html.Insert(head.Index + head.Length, meta);
    }

    [GeneratedRegex(@"<head(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();

    private byte[] RepairText(byte[] pdf)
    {
        try
        {
            return PdfTextRepair.Repair(pdf);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException or OverflowException)
        {
            logger.LogWarning(e, "Could not repair the text of the PDF; it is kept as Chromium wrote it");
            return pdf;
        }
    }

    private string? ChromiumExecutable()
    {
        var configured = options.Value.ChromiumPath;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (configured.Contains(Path.DirectorySeparatorChar) || configured.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, configured))
            .FirstOrDefault(File.Exists);
    }

    private void RemoveOlder(string group, string keep)
    {
        foreach (var file in Directory.EnumerateFiles(paths.PdfFolder, group + "-*.pdf"))
        {
            if (!string.Equals(file, keep, StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning(e, "Could not remove the old PDF {File}", file);
                }
            }
        }
    }

    private void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove the temporary folder {Folder}", folder.FullName);
        }
    }
}
