using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Media;

/// <summary>
/// Serves stored pictures and attachments at stable same-origin URLs. Who may fetch one follows its article: anyone once
/// its issue is published and public (cached a year, the URL never changes meaning), members for a members-only issue
/// (private), and before publication only those who may see the draft (private, not kept). Anything else is 404.
/// </summary>
[AllowAnonymous]
public sealed class MediaFilesController(
    NewsletterDbContext db, ArchiveQueries archive, MediaStore store, ArchiveCacheInvalidator evictions,
    IOptions<ArchiveCacheOptions> cacheOptions, TimeProvider clock) : Controller
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
        // A public picture is public to everyone, signed in or not: served from the kept rows without a query.
        var kept = PublicRows.GetValue(evictions, _ => new KeptRows());
        var generation = evictions.Generation; // read first: an eviction during the queries keeps their answer out
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, cacheOptions.Value.Seconds));
        if (kept.Find(id, generation, clock.GetUtcNow(), lifetime) is { } publicFile)
        {
            return (publicFile, PublicCaching);
        }

        var file = await db.MediaFiles.AsNoTracking().Include(m => m.Article).ThenInclude(a => a!.Issue)
            .FirstOrDefaultAsync(m => m.Id == id, ct);
        if (file?.Article is not { } article)
        {
            return (null, null);
        }

        var signedIn = User.Identity?.IsAuthenticated == true;
        if (article.IssueId is { } issueId)
        {
            if (await (await archive.ReadableIssuesAsync(false, ct)).AnyAsync(i => i.Id == issueId, ct))
            {
                file.Article = null; // kept without the article's text
                kept.Add(file, generation, clock.GetUtcNow());
                return (file, PublicCaching);
            }

            if (signedIn && await (await archive.ReadableIssuesAsync(true, ct)).AnyAsync(i => i.Id == issueId, ct))
            {
                return (file, MembersCaching);
            }
        }

        return signedIn && ArticleRules.CanView(article, HttpContext.ToActor())
            ? (file, DraftCaching)
            : (null, null);
    }

    /// <summary>
    /// The rows of public pictures read lately, one set per portal host (keyed by its eviction counter, a singleton), so
    /// that serving them costs no query. They are forgotten when anything readers can see changes on this node (the
    /// counter moves: a withdrawn issue is private again at once) and, for another node's change, after the reading
    /// pages' cache time (<see cref="ArchiveCacheOptions.Seconds"/>), as cached pages are.
    /// </summary>
    private static readonly ConditionalWeakTable<ArchiveCacheInvalidator, KeptRows> PublicRows = new();

    private sealed class KeptRows
    {
        private readonly ConcurrentDictionary<int, (MediaFile File, DateTimeOffset ReadAt)> rows = new();
        private long generation = -1;

        public MediaFile? Find(int id, long current, DateTimeOffset now, TimeSpan lifetime)
        {
            if (Interlocked.Exchange(ref generation, current) != current)
            {
                rows.Clear();
                return null;
            }

            return rows.TryGetValue(id, out var row) && now - row.ReadAt < lifetime ? row.File : null;
        }

        public void Add(MediaFile file, long readAtGeneration, DateTimeOffset now)
        {
            if (Interlocked.Read(ref generation) == readAtGeneration)
            {
                rows[file.Id] = (file, now);
            }
        }
    }
}
