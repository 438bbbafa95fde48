using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Media;

/// <summary>
/// A row whose stored files are not all there: the picture or attachment cannot be served. An issue's 原版 PDF is
/// reported with the issue's id and <see cref="IssueLabel"/> (and no article).
/// </summary>
public sealed record MissingMedia(
    int Id, int ArticleId, MediaKind Kind, string OriginalName, string Sha256, IReadOnlyList<string> MissingFiles, string? IssueLabel = null);

/// <summary>A stored folder that no row refers to: disk used for nothing.</summary>
public sealed record OrphanFolder(string Sha256, string Folder, int Files, long Bytes, DateTime LastWrittenUtc);

/// <summary>What <see cref="MediaVerify.RunAsync"/> found.</summary>
public sealed record MediaVerifyReport(int Rows, int Folders, IReadOnlyList<MissingMedia> Missing, IReadOnlyList<OrphanFolder> Orphans)
{
    public bool IsClean => Missing.Count == 0 && Orphans.Count == 0;
}

/// <summary>
/// Compares the media rows with the media folder by existence only (no hashing, so /healthz can afford it): rows
/// whose variant or attachment file is missing, and SHA-256 folders that no row (removed or not) refers to.
/// </summary>
public static class MediaVerify
{
    public static async Task<MediaVerifyReport> RunAsync(NewsletterDbContext db, MediaStore store, CancellationToken ct = default)
    {
        var rows = await db.MediaFiles.AsNoTracking()
            .Select(m => new { m.Id, m.ArticleId, m.Kind, m.OriginalName, m.Sha256, m.Extension, m.Variants })
            .OrderBy(m => m.Id).ToListAsync(ct);
        var missing = new List<MissingMedia>();
        foreach (var row in rows)
        {
            var names = row.Kind == MediaKind.Picture
                ? row.Variants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [MediaStore.AttachmentName];
            var absent = names.Select(n => n + row.Extension).Where(n => !File.Exists(Path.Combine(store.FolderOf(row.Sha256), n))).ToList();
            if (absent.Count > 0 || names.Length == 0)
            {
                missing.Add(new MissingMedia(row.Id, row.ArticleId, row.Kind, row.OriginalName, row.Sha256, absent));
            }
        }

        // 原版 PDF of imported back issues: one file.pdf in a folder of the same store.
        var originals = await db.Issues.AsNoTracking().Where(i => i.OriginalSha256 != null)
            .Select(i => new { i.Id, i.Year, i.Number, i.IsSupplement, i.SerialNumber, i.OriginalName, Sha256 = i.OriginalSha256! })
            .OrderBy(i => i.Id).ToListAsync(ct);
        foreach (var original in originals)
        {
            var name = MediaStore.AttachmentName + ".pdf";
            if (!File.Exists(Path.Combine(store.FolderOf(original.Sha256), name)))
            {
                var label = new Issue { Year = original.Year, Number = original.Number, IsSupplement = original.IsSupplement, SerialNumber = original.SerialNumber }.FullLabel;
                missing.Add(new MissingMedia(original.Id, 0, MediaKind.Attachment, original.OriginalName ?? name, original.Sha256, [name], label));
            }
        }

        var known = rows.Select(r => r.Sha256).Concat(originals.Select(o => o.Sha256)).ToHashSet(StringComparer.Ordinal);
        var folders = store.StoredHashes().ToList();
        var orphans = folders.Where(sha => !known.Contains(sha)).Order(StringComparer.Ordinal).Select(sha => Describe(store, sha)).ToList();
        return new MediaVerifyReport(rows.Count + originals.Count, folders.Count, missing, orphans);
    }

    /// <summary>Deletes an orphan folder (and its two-letter parent when that is left empty).</summary>
    public static void Delete(MediaStore store, OrphanFolder orphan)
    {
        store.Delete(orphan.Sha256);
        var parent = Path.GetDirectoryName(store.FolderOf(orphan.Sha256))!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
        }
    }

    private static OrphanFolder Describe(MediaStore store, string sha)
    {
        var folder = new DirectoryInfo(store.FolderOf(sha));
        var files = folder.GetFiles();
        var written = files.Select(f => f.LastWriteTimeUtc).Append(folder.LastWriteTimeUtc).Max();
        return new OrphanFolder(sha, Path.GetRelativePath(Path.GetDirectoryName(store.Root)!, folder.FullName).Replace('\\', '/'),
            files.Length, files.Sum(f => f.Length), written);
    }
}
