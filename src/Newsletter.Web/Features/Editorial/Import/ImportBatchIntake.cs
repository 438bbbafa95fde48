using System.IO.Compression;
using System.Text;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Receives the files of a batch into a folder of its own, each under a number (never under a name from the upload or
/// from a .zip, so no entry can land outside it). A file is refused by name when it is empty or over
/// <see cref="IssueFile.MaxBytes"/>; a .zip is refused whole, before anything is extracted, when it holds more than
/// <see cref="MaxZipEntries"/> entries, an unsafe path (../x.txt, /etc/x, C:\x) or announces more than
/// <see cref="MaxInflatedBytes"/>; extraction stops (and the zip is refused) when the entries inflate beyond that anyway.
/// </summary>
public sealed class ImportBatchIntake(string folder)
{
    /// <summary>A batch holds the back archive a few years at a time; 500 issues is a hundred years of 工作通讯.</summary>
    public const int MaxZipEntries = 500;

    /// <summary>What one .zip may inflate to (a zip bomb stops here).</summary>
    public const long MaxInflatedBytes = 300L * 1024 * 1024;

    private static readonly Encoding ChineseWindowsNames = CodePagesEncoding("GB18030");

    public List<ImportBatchFile> Files { get; } = [];

    /// <summary>An uploaded file or a file named on the command line; a .zip is expanded into its entries.</summary>
    public async Task AddAsync(string name, long length, Func<Stream> open, CancellationToken ct)
    {
        name = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        if (Refusal(name, length) is { } refusal)
        {
            Files.Add(new ImportBatchFile(name, null, refusal));
        }
        else if (System.IO.Path.GetExtension(name).Equals(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = open();
            await AddZipAsync(name, stream, ct);
        }
        else
        {
            await using var stream = open();
            await StoreAsync(name, stream, ct);
        }
    }

    /// <summary>Why a file of <paramref name="length"/> bytes is refused on arrival, naming it; null when it is not.</summary>
    public static string? Refusal(string name, long length) => length switch
    {
        0 => $"“{name}”是空文件（0 字节），没有可导入的内容。",
        > IssueFile.MaxBytes when !IsZip(name) => $"“{name}”：{IssueFile.TooLarge}",
        _ => null,
    };

    private static bool IsZip(string name) => System.IO.Path.GetExtension(name).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    private async Task AddZipAsync(string zipName, Stream stream, CancellationToken ct)
    {
        var before = Files.Count;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false, ChineseWindowsNames);
            if (ZipRefusal(zipName, zip) is { } refusal)
            {
                Files.Add(new ImportBatchFile(zipName, null, refusal));
                return;
            }

            long inflated = 0;
            foreach (var entry in zip.Entries.Where(IsIssueEntry).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var name = $"{zipName}/{entry.FullName.Replace('\\', '/')}";
                if (Refusal(name, entry.Length) is { } entryRefusal)
                {
                    Files.Add(new ImportBatchFile(name, null, entryRefusal));
                    continue;
                }

                await using var content = entry.Open();
                var stored = await StoreAsync(name, content, ct);
                inflated += stored is null ? 0 : new FileInfo(stored).Length;
                if (inflated > MaxInflatedBytes)
                {
                    Undo(before);
                    Files.Add(new ImportBatchFile(zipName, null, Bomb(zipName)));
                    return;
                }
            }
        }
        catch (InvalidDataException)
        {
            Undo(before);
            Files.Add(new ImportBatchFile(zipName, null, $"“{zipName}”不是完好的 .zip 压缩包（已损坏，或者是其他格式改了扩展名），没有导入。"));
        }
        catch (NotSupportedException)
        {
            Undo(before);
            Files.Add(new ImportBatchFile(zipName, null, $"“{zipName}”是加密的或用了不支持的压缩方式，没有导入；请解压后直接上传其中的文件。"));
        }
    }

    /// <summary>Checked on the zip's directory alone, before any entry is inflated.</summary>
    private static string? ZipRefusal(string zipName, ZipArchive zip)
    {
        if (zip.Entries.Count > MaxZipEntries)
        {
            return $"“{zipName}”中有 {zip.Entries.Count} 个文件，超过一个压缩包最多 {MaxZipEntries} 个的限制，没有解压、没有导入；请分成几个压缩包。";
        }

        if (zip.Entries.FirstOrDefault(e => !IsSafe(e.FullName)) is { } unsafeEntry)
        {
            return $"“{zipName}”中的“{unsafeEntry.FullName}”指向压缩包以外的位置（路径中有“..”、盘符或以“/”开头），"
                   + "这样的压缩包不安全，没有解压、没有导入。";
        }

        return zip.Entries.Sum(e => e.Length) > MaxInflatedBytes ? Bomb(zipName) : null;
    }

    private static string Bomb(string zipName) =>
        $"“{zipName}”解压后超过 {MaxInflatedBytes / 1024 / 1024} MB（可能是“压缩炸弹”），没有解压、没有导入。";

    private static bool IsSafe(string path)
    {
        var normalized = path.Replace('\\', '/');
        return !normalized.StartsWith('/') && !normalized.Contains(':')
               && !normalized.Split('/').Any(segment => segment == "..");
    }

    /// <summary>Folders, and what macOS and Windows add to a zip (__MACOSX/, .DS_Store, Thumbs.db), are not issues.</summary>
    private static bool IsIssueEntry(ZipArchiveEntry entry) =>
        entry.Name.Length > 0 && !entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
        && !entry.Name.StartsWith('.') && !entry.Name.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies at most <see cref="IssueFile.MaxBytes"/> (an entry may announce less than it holds); returns where.</summary>
    private async Task<string?> StoreAsync(string name, Stream content, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(folder, $"{Files.Count + 1:D4}.bin");
        long written;
        await using (var target = File.Create(path))
        {
            var buffer = new byte[81920];
            written = 0;
            int read;
            while (written <= IssueFile.MaxBytes && (read = await content.ReadAsync(buffer, ct)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                written += read;
            }
        }

        var refusal = Refusal(name, written);
        if (refusal is not null)
        {
            File.Delete(path);
        }

        Files.Add(new ImportBatchFile(name, refusal is null ? path : null, refusal));
        return refusal is null ? path : null;
    }

    private void Undo(int count)
    {
        foreach (var file in Files.Skip(count).Where(f => f.Path is not null))
        {
            File.Delete(file.Path!);
        }

        Files.RemoveRange(count, Files.Count - count);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
