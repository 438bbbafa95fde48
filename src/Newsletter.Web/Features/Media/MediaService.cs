using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Media;

/// <summary>A file as it came in a form or from a Word document.</summary>
public sealed record Upload(string FileName, byte[] Content, string? Caption = null, string? Alt = null);

/// <summary>
/// Uploading, replacing and removing the pictures and attachments of an article. Uploading needs the same right as
/// changing the article (editing before publication, 更正 after); a refused file stores nothing, neither row nor file.
/// </summary>
public sealed class MediaService(
    NewsletterDbContext db, MediaStore store, ImageProcessor images, IOptions<MediaOptions> options, MediaCatalog catalog,
    AuditLog audit, TimeProvider clock)
{
    public const string NotFoundMessage = "没有找到这篇稿件。";

    /// <summary>
    /// One picture decoded at a time per node: a large PNG takes a few hundred MB while it is processed (PNG has no scaled
    /// decoding; docs/benchmarks.md), so ten arriving together must not take ten times that.
    /// </summary>
    private static readonly SemaphoreSlim OnePictureAtATime = new(1, 1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The article, when the actor may change its media; else why not.</summary>
    public async Task<Outcome<Article>> ArticleToChangeAsync(int articleId, Actor actor)
    {
        var article = await db.Articles.Include(a => a.Issue).FirstOrDefaultAsync(a => a.Id == articleId);
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return Outcome<Article>.Refused(Outcome.NotFound(NotFoundMessage));
        }

        return ArticleRules.WhyNotEditable(article, actor) is { } why && ArticleRules.WhyNotCorrectable(article, actor) is not null
            ? Outcome<Article>.Refused(Outcome.Forbidden(why))
            : Outcome.Ok(article);
    }

    /// <summary>The article's pictures and attachments still on its list, in upload order.</summary>
    public Task<List<MediaFile>> ListAsync(int articleId) =>
        db.MediaFiles.AsNoTracking().Where(m => m.ArticleId == articleId && m.RemovedAt == null)
            .OrderBy(m => m.Id).ToListAsync();

    public async Task<Outcome<MediaFile>> AddAsync(int articleId, MediaKind kind, Upload upload, Actor actor)
    {
        var article = await ArticleToChangeAsync(articleId, actor);
        if (!article.Succeeded)
        {
            return Outcome<MediaFile>.Refused(article);
        }

        var stored = await StoreAsync(articleId, kind, upload, actor);
        if (stored.Value is not { } file)
        {
            return stored;
        }

        db.MediaFiles.Add(file);
        await db.SaveChangesAsync();
        audit.Record(actor, nameof(Article), articleId, kind == MediaKind.Picture ? "上传图片" : "上传附件", detail: $"{file.OriginalName}（{file.Path}）");
        await db.SaveChangesAsync();
        return Outcome.Ok(file);
    }

    /// <summary>
    /// 替换: a new picture takes the old one's caption and alt unless new ones are given; the old one leaves the list
    /// (its files stay while a revision shows it). The editor then points the text at the new one.
    /// </summary>
    public async Task<Outcome<MediaFile>> ReplaceAsync(int articleId, int mediaId, Upload upload, Actor actor)
    {
        var article = await ArticleToChangeAsync(articleId, actor);
        var old = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == mediaId && m.ArticleId == articleId && m.RemovedAt == null);
        if (!article.Succeeded || old is null)
        {
            return article.Succeeded ? Outcome<MediaFile>.Refused(Outcome.NotFound("没有找到这个文件。")) : Outcome<MediaFile>.Refused(article);
        }

        upload = upload with
        {
            Caption = string.IsNullOrWhiteSpace(upload.Caption) ? old.Caption : upload.Caption,
            Alt = string.IsNullOrWhiteSpace(upload.Alt) ? old.Alt : upload.Alt,
        };
        var stored = await StoreAsync(articleId, old.Kind, upload, actor);
        if (stored.Value is not { } file)
        {
            return stored;
        }

        db.MediaFiles.Add(file);
        old.RemovedAt = Now;
        await db.SaveChangesAsync();
        audit.Record(actor, nameof(Article), articleId, "替换文件", detail: $"{old.Path} → {file.Path}（{file.OriginalName}）");
        await db.SaveChangesAsync();
        await PurgeIfUnusedAsync(old);
        return Outcome.Ok(file);
    }

    /// <summary>
    /// 删除: the file leaves the article's list. Its row and files are freed only when no revision of any article shows it
    /// (restoring such a revision brings it back); a picture still in the saved text is refused.
    /// </summary>
    public async Task<Outcome> RemoveAsync(int articleId, int mediaId, Actor actor)
    {
        var article = await ArticleToChangeAsync(articleId, actor);
        var file = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == mediaId && m.ArticleId == articleId && m.RemovedAt == null);
        if (!article.Succeeded || file is null)
        {
            return article.Succeeded ? Outcome.NotFound("没有找到这个文件。") : article;
        }

        if (file.Kind == MediaKind.Picture && MediaPaths.ReferencedIn(article.Value!.Body).Contains(file.Id))
        {
            return Outcome.Invalid("这张图片还在正文中。请先在正文中删去它并保存，再删除图片。");
        }

        file.RemovedAt = Now;
        audit.Record(actor, nameof(Article), articleId, file.Kind == MediaKind.Picture ? "删除图片" : "删除附件", detail: $"{file.OriginalName}（{file.Path}）");
        await db.SaveChangesAsync();
        await PurgeIfUnusedAsync(file);
        return Outcome.Done;
    }

    /// <summary>A restored revision's pictures come back on the article's list.</summary>
    public async Task ReturnToListAsync(int articleId, string? body)
    {
        var ids = MediaPaths.ReferencedIn(body);
        if (ids.Count == 0)
        {
            return;
        }

        await db.MediaFiles.Where(m => m.ArticleId == articleId && ids.Contains(m.Id) && m.RemovedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemovedAt, (DateTime?)null));
    }

    /// <summary>Whether any revision of any article, or an article's current text, shows this picture.</summary>
    public async Task<bool> IsReferencedAsync(int mediaId)
    {
        var inline = MediaPaths.Of(mediaId) + " ";
        var closed = MediaPaths.Of(mediaId) + ")";
        return await db.ArticleRevisions.AnyAsync(r => r.Body.Contains(inline) || r.Body.Contains(closed))
            || await db.Articles.AnyAsync(a => a.Body.Contains(inline) || a.Body.Contains(closed));
    }

    private async Task PurgeIfUnusedAsync(MediaFile file)
    {
        if (file.Kind == MediaKind.Picture && await IsReferencedAsync(file.Id))
        {
            return;
        }

        db.MediaFiles.Remove(file);
        await db.SaveChangesAsync();
        catalog.Forget(file.Id);
        if (!await db.MediaFiles.AnyAsync(m => m.Sha256 == file.Sha256) && !await db.Issues.AnyAsync(i => i.OriginalSha256 == file.Sha256))
        {
            store.Delete(file.Sha256);
        }
    }

    /// <summary>Checks and processes the file and writes what is served; the row is the caller's to add.</summary>
    private async Task<Outcome<MediaFile>> StoreAsync(int articleId, MediaKind kind, Upload upload, Actor actor)
    {
        var name = CleanName(upload.FileName);
        if (upload.Content.Length == 0)
        {
            return Outcome<MediaFile>.Invalid($"文件“{name}”是空的（0 字节），请重新选择。");
        }

        if (upload.Content.LongLength > options.Value.MaxUploadBytes)
        {
            return Outcome<MediaFile>.Invalid(
                $"文件“{name}”有 {upload.Content.LongLength / 1024.0 / 1024.0:0.#} MB，超过了 {options.Value.MaxUploadMegabytes} MB 的上限。请压缩后再上传。");
        }

        var caption = Clean(upload.Caption);
        var alt = Clean(upload.Alt);
        if (caption?.Length > MediaFile.MaxCaptionLength || alt?.Length > MediaFile.MaxCaptionLength)
        {
            return Outcome<MediaFile>.Invalid($"图注和替代文字各不能超过 {MediaFile.MaxCaptionLength} 个字。");
        }

        var sha = MediaStore.Sha256Of(upload.Content);
        var file = new MediaFile
        {
            ArticleId = articleId, Kind = kind, Sha256 = sha, OriginalName = name, ContentType = "", Extension = "",
            Caption = kind == MediaKind.Picture ? caption : null,
            Alt = kind == MediaKind.Picture ? alt ?? caption ?? System.IO.Path.GetFileNameWithoutExtension(name) : null,
            Bytes = upload.Content.LongLength, UploadedById = actor.UserId, UploadedByName = actor.Name, UploadedAt = Now,
        };

        // The same bytes stored before: take what was made of them then, if its files are all still there.
        var twin = await db.MediaFiles.AsNoTracking().Where(m => m.Sha256 == sha && m.Kind == kind).OrderByDescending(m => m.Id).FirstOrDefaultAsync();
        if (twin is not null && store.Has(sha, kind == MediaKind.Picture ? twin.VariantNames : [MediaStore.AttachmentName], twin.Extension))
        {
            (file.ContentType, file.Extension, file.Variants, file.Width, file.Height) = (twin.ContentType, twin.Extension, twin.Variants, twin.Width, twin.Height);
            return Outcome.Ok(file);
        }

        return kind == MediaKind.Picture ? await StorePictureAsync(file, upload.Content) : await StoreAttachmentAsync(file, upload.Content);
    }

    private async Task<Outcome<MediaFile>> StorePictureAsync(MediaFile file, byte[] content)
    {
        Outcome<ProcessedImage> processed;
        await OnePictureAtATime.WaitAsync();
        try
        {
            processed = images.Process(content, file.OriginalName);
        }
        finally
        {
            OnePictureAtATime.Release();
        }

        if (processed.Value is not { } image)
        {
            return Outcome<MediaFile>.Refused(processed);
        }

        foreach (var variant in image.Variants)
        {
            await store.WriteAsync(file.Sha256, variant.Name, image.Extension, variant.Bytes);
        }

        (file.ContentType, file.Extension, file.Width, file.Height) = (image.ContentType, image.Extension, image.Width, image.Height);
        file.Variants = string.Join(',', image.Variants.Select(v => v.Name));
        return Outcome.Ok(file);
    }

    private async Task<Outcome<MediaFile>> StoreAttachmentAsync(MediaFile file, byte[] content)
    {
        var checkedType = AttachmentCheck.Identify(content, file.OriginalName);
        if (checkedType.Value is not { } type)
        {
            return Outcome<MediaFile>.Refused(checkedType);
        }

        await store.WriteAsync(file.Sha256, MediaStore.AttachmentName, type.Extension, content);
        (file.ContentType, file.Extension) = (type.ContentType, type.Extension);
        return Outcome.Ok(file);
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("\"", "”");

    /// <summary>The name without folders or control characters, at most 255 characters with its extension kept.</summary>
    public static string CleanName(string? fileName)
    {
        var name = System.IO.Path.GetFileName((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "未命名文件";
        }

        var extension = System.IO.Path.GetExtension(name);
        return name.Length <= MediaFile.MaxNameLength ? name
            : name[..(MediaFile.MaxNameLength - extension.Length)] + extension;
    }
}
