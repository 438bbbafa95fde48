using System.Diagnostics;
using System.Text.Json;
using Newsletter.UnitTests;

namespace Newsletter.IntegrationTests;

/// <summary>
/// The Nu Html Checker (vnu.jar from the npm package vnu-jar, pinned in tools/html-check) run with Java.
/// It refuses to fetch loopback URLs, so the pages are handed to it as files, all in one run (one JVM start).
/// </summary>
public static class NuHtmlChecker
{
    public sealed record Finding(string Page, string Type, int Line, string Message, string Extract)
    {
        public override string ToString() => $"{Page} (line {Line}, {Type}): {Message}\n    {Extract.ReplaceLineEndings(" ")}";
    }

    public static string JarPath
    {
        get
        {
            var root = Path.GetDirectoryName(SeedFiles.Folder)!;
            var jar = Path.Combine(root, "tools", "html-check", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            if (!File.Exists(jar))
            {
                throw new FileNotFoundException(
                    $"vnu.jar is missing at {jar}. Install it with `npm ci --ignore-scripts --prefix tools/html-check` " +
                    "(scripts/test.sh does this), and Java with `apt-get install default-jre-headless`.", jar);
            }

            return jar;
        }
    }

    /// <summary>Checks each page's HTML and returns the errors, named by page.</summary>
    public static async Task<List<Finding>> ErrorsAsync(IReadOnlyDictionary<string, string> htmlByPage)
    {
        var jar = JarPath;
        var folder = Path.Combine(Path.GetTempPath(), "newsletter-vnu", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var pageByFile = new Dictionary<string, string>();
            var index = 0;
            foreach (var (page, html) in htmlByPage)
            {
                var file = Path.Combine(folder, $"page{index++:D3}.html");
                await File.WriteAllTextAsync(file, html);
                pageByFile[file] = page;
            }

            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json", "--stdout" }.Concat(pageByFile.Keys))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start java");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = await output;
            if (!json.TrimStart().StartsWith('{'))
            {
                throw new InvalidOperationException($"vnu.jar gave no JSON report (exit {process.ExitCode}): {json} {await errors}");
            }

            using var report = JsonDocument.Parse(json);
            var findings = new List<Finding>();
            foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
            {
                var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                // "file:/tmp/…/page000.html"
                var file = url.StartsWith("file:", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file:".Length..]) : url;
                findings.Add(new Finding(
                    pageByFile.GetValueOrDefault(file, file),
                    message.GetProperty("type").GetString() ?? "",
                    message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    message.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "",
                    message.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : ""));
            }

            if (findings.Count == 0 && process.ExitCode != 0)
            {
                throw new InvalidOperationException($"vnu.jar failed (exit {process.ExitCode}) without messages: {await errors}");
            }

            return findings;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
