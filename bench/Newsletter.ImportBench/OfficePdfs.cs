using System.Diagnostics;
using Newsletter.SyntheticArchive;
using Newsletter.UnitTests.Features.Editorial.Import;

namespace Newsletter.ImportBench;

/// <summary>
/// The issues as an office prints them to PDF: a .docx typed with direct formatting (<see cref="OfficeDocx"/>, as the unit
/// tests' fixtures), then LibreOffice's PDF of it — every file in one soffice call with a profile of its own, the fonts as
/// tools/seed-pdf/fonts.conf maps them. Kept in a folder and reused when every file is there, so timed runs never include
/// LibreOffice.
/// </summary>
public static class OfficePdfs
{
    public static void Ensure(IReadOnlyList<PrintedIssue> issues, string folder)
    {
        Directory.CreateDirectory(folder);
        var stamp = Path.Combine(folder, "issues.sha256");
        var fingerprint = Bench.Fingerprint(issues);
        if (File.Exists(stamp) && File.ReadAllText(stamp) != fingerprint)
        {
            Bench.Log($"PDFs: {folder} holds other issues' PDFs; made again");
            foreach (var old in Directory.EnumerateFiles(folder, "*.pdf"))
            {
                File.Delete(old);
            }
        }

        var missing = issues.Where(i => !File.Exists(Path.Combine(folder, i.FileName(".pdf")))).ToList();
        if (missing.Count == 0)
        {
            Bench.Log($"PDFs: all {issues.Count} found in {folder}, reused");
            return;
        }

        var work = Directory.CreateTempSubdirectory("import-bench-docx-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            foreach (var issue in missing)
            {
                File.WriteAllBytes(Path.Combine(work, issue.FileName(".docx")), OfficeDocx.Build(issue.Text));
            }

            Bench.Log($"PDFs: {missing.Count} .docx written in {watch.Elapsed.TotalSeconds:F1} s; LibreOffice converts them (one call)…");
            var soffice = new ProcessStartInfo("soffice")
            {
                ArgumentList = { $"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var issue in missing)
            {
                soffice.ArgumentList.Add(Path.Combine(work, issue.FileName(".docx")));
            }

            soffice.Environment["FONTCONFIG_FILE"] = Path.Combine(Bench.RepositoryRoot, "tools", "seed-pdf", "fonts.conf");
            using var process = Process.Start(soffice)!;
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var still = missing.Where(i => !File.Exists(Path.Combine(folder, i.FileName(".pdf")))).ToList();
            if (process.ExitCode != 0 || still.Count > 0)
            {
                throw new InvalidOperationException(
                    $"soffice exited {process.ExitCode}; {still.Count} PDFs missing (first: {still.FirstOrDefault()?.FileName(".pdf")}): {errors.Result}");
            }

            File.WriteAllText(stamp, fingerprint);
            Bench.Log($"PDFs: {missing.Count} made by LibreOffice in {watch.Elapsed.TotalSeconds:F1} s in all, into {folder}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
