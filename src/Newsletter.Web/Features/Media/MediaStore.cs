using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Media;

/// <summary>
/// The files of uploaded media under the data folder, one folder per SHA-256 of what was uploaded
/// (media/3f/3fa9…/w800.jpg, media/8c/8c01…/file.pdf): the same photo uploaded twice is stored once, and a
/// file is written whole (to a temporary name, then moved) so a reader never gets half of one.
/// </summary>
public sealed class MediaStore(DataPaths paths)
{
    /// <summary>The name an attachment is stored under in its folder (file.pdf).</summary>
    public const string AttachmentName = "file";

    public string Root => paths.MediaFolder;

    public string FolderOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    public string PathOf(string sha256, string name, string extension) => Path.Combine(FolderOf(sha256), name + extension);

    public bool Has(string sha256, IEnumerable<string> names, string extension) =>
        names.All(name => File.Exists(PathOf(sha256, name, extension)));

    public async Task WriteAsync(string sha256, string name, string extension, byte[] bytes, CancellationToken ct = default)
    {
        var target = PathOf(sha256, name, extension);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Frees a folder once no row needs it.</summary>
    public void Delete(string sha256)
    {
        var folder = FolderOf(sha256);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every SHA-256 that has a folder here, for <c>media verify</c>.</summary>
    public IEnumerable<string> StoredHashes() =>
        !Directory.Exists(Root) ? []
        : Directory.EnumerateDirectories(Root).SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName).OfType<string>();

    /// <summary>The files of one stored folder, by name (w800.jpg), for <c>media verify</c>.</summary>
    public IEnumerable<string> FilesOf(string sha256) =>
        Directory.Exists(FolderOf(sha256))
            ? Directory.EnumerateFiles(FolderOf(sha256)).Select(Path.GetFileName).OfType<string>()
            : [];

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
