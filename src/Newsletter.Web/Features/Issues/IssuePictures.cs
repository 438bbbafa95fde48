using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;

namespace Newsletter.Web.Features.Issues;

/// <summary>
/// The stored pictures an issue's articles show, for copies of the issue that carry the pictures themselves (the PDF, the
/// members-only e-mail). Only pictures that belong to one of these articles count: a text that names another article's
/// picture (a draft's) gets nothing of it.
/// </summary>
public sealed class IssuePictures(NewsletterDbContext db, MediaStore store)
{
    /// <summary>The rows of the pictures the articles refer to and own, by id.</summary>
    public async Task<Dictionary<int, MediaFile>> OfAsync(IReadOnlyCollection<Article> articles, CancellationToken ct)
    {
        var articleIds = articles.Select(a => a.Id).ToList();
        var referenced = articles.SelectMany(a => MediaPaths.ReferencedIn(a.Body)).Distinct().ToList();
        if (referenced.Count == 0)
        {
            return [];
        }

        return await db.MediaFiles.AsNoTracking()
            .Where(m => referenced.Contains(m.Id) && articleIds.Contains(m.ArticleId) && m.Kind == MediaKind.Picture)
            .ToDictionaryAsync(m => m.Id, ct);
    }

    /// <summary>The bytes of the largest stored size at most <paramref name="maxWidth"/> wide (else the smallest), or null when its file is gone.</summary>
    public async Task<byte[]?> ReadAsync(MediaFile picture, int maxWidth, CancellationToken ct)
    {
        var path = store.PathOf(picture.Sha256, EntryOf(picture).LargestUpTo(maxWidth), picture.Extension);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public static Infrastructure.PictureEntry EntryOf(MediaFile picture) =>
        new(picture.Id, picture.Width ?? 0, picture.Height ?? 0, picture.Extension, picture.VariantNames);
}
