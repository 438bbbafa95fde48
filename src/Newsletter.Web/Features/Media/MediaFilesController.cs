using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Media;

/// <summary>
/// Serves stored pictures and attachments at stable same-origin URLs. Who may fetch one follows its article: anyone once
/// its issue is published and public (cached a year, the URL never changes meaning), members for a members-only issue
/// (private), and before publication only those who may see the draft (private, not kept). Anything else is 404.
/// </summary>
[AllowAnonymous]
public sealed class MediaFilesController(NewsletterDbContext db, ArchiveQueries archive, MediaStore store) : Controller
{
    public const string PublicCaching = "public, max-age=31536000, immutable";

    public const string MembersCaching = "private, max-age=31536000, immutable";

    public const string DraftCaching = "private, no-cache";

    private const string Missing = "没有找到这个文件。";

    /// <summary>A picture in one of its stored sizes (w800.jpg, w1600.jpg, full.jpg).</summary>
    [HttpGet("/media/{id:int}/{variant}")]
    public async Task<IActionResult> Picture(int id, string variant, CancellationToken ct)
    {
        var name = Path.GetFileNameWithoutExtension(variant);
        var (file, caching) = await ReadableAsync(id, ct);
        if (file is not { Kind: MediaKind.Picture } || variant != name + file.Extension || !file.VariantNames.Contains(name))
        {
            return this.NotFoundPage(Missing);
        }

        return Serve(file, name, caching!, download: false);
    }

    /// <summary>The largest stored size, for a plain link to /media/12.</summary>
    [HttpGet("/media/{id:int}")]
    public async Task<IActionResult> Original(int id, CancellationToken ct)
    {
        var (file, caching) = await ReadableAsync(id, ct);
        return file switch
        {
            { Kind: MediaKind.Picture } => Serve(file, file.VariantNames[^1], caching!, download: false),
            { Kind: MediaKind.Attachment } => Serve(file, MediaStore.AttachmentName, caching!, download: true),
            _ => this.NotFoundPage(Missing),
        };
    }

    /// <summary>An attachment, saved under its original (Chinese) name.</summary>
    [HttpGet("/media/{id:int}/download")]
    public async Task<IActionResult> Download(int id, CancellationToken ct)
    {
        var (file, caching) = await ReadableAsync(id, ct);
        return file is { Kind: MediaKind.Attachment }
            ? Serve(file, MediaStore.AttachmentName, caching!, download: true)
            : this.NotFoundPage(Missing);
    }

    private IActionResult Serve(MediaFile file, string name, string caching, bool download)
    {
        var path = store.PathOf(file.Sha256, name, file.Extension);
        if (!System.IO.File.Exists(path))
        {
            return this.NotFoundPage(Missing);
        }

        Response.Headers.CacheControl = caching;
        var etag = new EntityTagHeaderValue($"\"{file.Sha256[..16]}-{name}\"");
        return download
            ? PhysicalFile(path, file.ContentType, file.OriginalName, lastModified: null, etag, enableRangeProcessing: true)
            : PhysicalFile(path, file.ContentType, lastModified: null, etag, enableRangeProcessing: true);
    }

    /// <summary>The row and how it may be cached, when this request may see it; else (null, null).</summary>
    private async Task<(MediaFile? File, string? Caching)> ReadableAsync(int id, CancellationToken ct)
    {
        var file = await db.MediaFiles.AsNoTracking().Include(m => m.Article).ThenInclude(a => a!.Issue)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (file?.Article is not { } article)
        {
            return (null, null);
        }

        var signedIn = User.Identity?.IsAuthenticated == true;
        if (article.IssueId is { } issueId)
        {
            var readable = await archive.ReadableIssuesAsync(signedIn, ct);
            if (await readable.AnyAsync(i => i.Id == issueId, ct))
            {
                var isPublic = await (await archive.ReadableIssuesAsync(false, ct)).AnyAsync(i => i.Id == issueId, ct);
                return (file, isPublic ? PublicCaching : MembersCaching);
            }
        }

        return signedIn && ArticleRules.CanView(article, HttpContext.ToActor())
            ? (file, DraftCaching)
            : (null, null);
    }
}
