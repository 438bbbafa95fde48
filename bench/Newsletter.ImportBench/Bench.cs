using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newsletter.SyntheticArchive;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.ImportBench;

/// <summary>The bench's small helpers: progress on stderr, the repository, the generated issues checked by the real parser.</summary>
public static class Bench
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static void Log(string line) =>
        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

    /// <summary>The load average, as /proc/loadavg gives it (1, 5, 15 minutes).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Each issue's text must parse as the issue it claims to be, with every article, or the bench stops.</summary>
    public static void CheckParses(IReadOnlyList<PrintedIssue> issues)
    {
        foreach (var issue in issues)
        {
            var parsed = PlainTextIssueParser.Parse(Encoding.UTF8.GetBytes(issue.Text));
            if (!parsed.Succeeded)
            {
                var kept = Path.Combine(Path.GetTempPath(), issue.FileName(".txt"));
                File.WriteAllText(kept, issue.Text);
                throw new InvalidOperationException($"{kept} does not parse: {string.Join("; ", parsed.Errors)}");
            }

            var value = parsed.Value!;
            var items = value.AllItems.Count();
            if (value.Year != issue.Year || value.Number != issue.Number || value.SerialNumber != issue.Serial || items != issue.Articles
                || value.PrintDate is null)
            {
                throw new InvalidOperationException(
                    $"{issue.FileName(".txt")} parses as {value.Year}年第{value.Number}期(总第{value.SerialNumber}期) with {items} items "
                    + $"(expected {issue.Year}年第{issue.Number}期(总第{issue.Serial}期) with {issue.Articles}), 印发 {value.PrintDate}; "
                    + $"warnings: {string.Join("; ", value.Warnings)}");
            }
        }
    }

    /// <summary>A fingerprint of the issues' texts, so a PDF folder made from other texts is not reused.</summary>
    public static string Fingerprint(IReadOnlyList<PrintedIssue> issues) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(issues.Select(i => i.Text)))));

    public static string Mb(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Newsletter.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Newsletter.sln not found above " + AppContext.BaseDirectory);
    }
}
