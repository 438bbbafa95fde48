using System.Security.Cryptography;
using System.Text.Json;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup folder: what was copied, from which version, with each file's size and
/// SHA-256. It is written last, so a folder without it is an unfinished backup.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTime CreatedAt,
    string AppVersion,
    string? Migration,
    int Issues,
    int PublishedIssues,
    long? IndexPosition,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const string DatabaseFile = "newsletter.db";
    public const string IndexFolder = "index";
    public const string MediaFolder = "media";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<IReadOnlyList<BackupFile>> DescribeAsync(string folder, CancellationToken ct = default)
    {
        var files = new List<BackupFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (relative != FileName)
            {
                files.Add(new BackupFile(relative, new FileInfo(path).Length, await HashAsync(path, ct)));
            }
        }

        return files;
    }

    public async Task WriteAsync(string folder, CancellationToken ct = default)
    {
        var partial = Path.Combine(folder, FileName + ".partial");
        await File.WriteAllBytesAsync(partial, JsonSerializer.SerializeToUtf8Bytes(this, Json), ct);
        File.Move(partial, Path.Combine(folder, FileName));
    }

    /// <summary>The manifest of <paramref name="folder"/> when every file it lists is there, unchanged; otherwise why not (in Chinese).</summary>
    public static async Task<Outcome<BackupManifest>> VerifyAsync(string folder, CancellationToken ct = default)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return Outcome<BackupManifest>.Invalid($"{folder} 中没有 {FileName}：这不是一份完整的备份（备份可能中途失败）。");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(path, ct), Json);
        }
        catch (JsonException)
        {
            manifest = null;
        }

        if (manifest?.Files is null || manifest.Format != 1 || manifest.Files.Any(f => f?.Path is null || f.Sha256 is null)
            || !manifest.Files.Any(f => f.Path == DatabaseFile))
        {
            return Outcome<BackupManifest>.Invalid($"{FileName} 已损坏或无法识别。");
        }

        var root = Path.GetFullPath(folder);
        foreach (var file in manifest.Files)
        {
            if (!IsPlainRelative(file.Path))
            {
                return Outcome<BackupManifest>.Invalid(Tampered(file.Path));
            }

            var full = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Outcome<BackupManifest>.Invalid($"{FileName} 中的文件路径 {file.Path} 不在备份文件夹内。");
            }

            if (!File.Exists(full))
            {
                return Outcome<BackupManifest>.Invalid($"缺少文件 {file.Path}。");
            }

            if (new FileInfo(full).Length != file.Size || await HashAsync(full, ct) != file.Sha256)
            {
                return Outcome<BackupManifest>.Invalid($"文件 {file.Path} 与备份时不一致（大小或校验值不符）。");
            }
        }

        return Outcome.Ok(manifest);
    }

    /// <summary>Why a manifest whose file path could lead out of its folder is refused (in Chinese).</summary>
    public static string Tampered(string path) =>
        $"{FileName} 中的文件路径 {path} 不合规（只能是备份文件夹内的相对路径，不能含“..”或以“/”开头），备份可能被改动过。";

    /// <summary>A path as <see cref="DescribeAsync"/> writes it: relative, '/' between names, no empty, "." or ".." name.</summary>
    private static bool IsPlainRelative(string path) =>
        !Path.IsPathRooted(path) && !path.Contains('\\') && !path.Contains('\0')
        && path.Split('/').All(name => name.Length > 0 && name is not ("." or ".."));

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

public sealed record BackupFile(string Path, long Size, string Sha256);
