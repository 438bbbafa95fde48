using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>
/// The editor's uploads (pictures and attachments of an article: add, replace, remove). The editor's script posts one
/// file at a time and gets JSON back; the plain form on the article's page posts several and comes back to that page.
/// </summary>
[Authorize(Roles = Roles.Writers)]
[Route("editorial/articles/{id:int}/media")]
public sealed class ArticleMediaController(MediaService media, IOptions<MediaOptions> options) : Controller
{
    /// <summary>How many files one form may carry.</summary>
    public const int MaxFilesPerRequest = 10;

    private Actor Actor => HttpContext.ToActor();

    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.Ordinal) == true);

    [HttpPost("")]
    [MediaUploadLimit]
    public async Task<IActionResult> Upload(int id, List<IFormFile>? files, string? kind, string? caption, string? alt)
    {
        var mediaKind = kind == "attachment" ? MediaKind.Attachment : MediaKind.Picture;
        var errors = new List<string>();
        var added = new List<MediaFile>();
        if (files is not { Count: > 0 })
        {
            errors.Add("请选择要上传的文件。");
        }
        else if (files.Count > MaxFilesPerRequest)
        {
            errors.Add($"一次最多上传 {MaxFilesPerRequest} 个文件，请分批上传。");
        }
        else
        {
            foreach (var file in files)
            {
                var outcome = await media.AddAsync(id, mediaKind, await ReadAsync(file), Actor);
                if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden)
                {
                    return Refuse(id, outcome);
                }

                if (outcome.Value is { } stored)
                {
                    added.Add(stored);
                }
                else
                {
                    errors.AddRange(outcome.Errors);
                }
            }
        }

        return Answer(id, added, errors);

        async Task<Upload> ReadAsync(IFormFile file)
        {
            if (file.Length > options.Value.MaxUploadBytes)
            {
                // Not read: the service refuses it by its length alone.
                return new Upload(file.FileName, new byte[options.Value.MaxUploadBytes + 1], caption, alt);
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, HttpContext.RequestAborted);
            return new Upload(file.FileName, buffer.ToArray(), files!.Count == 1 ? caption : null, files.Count == 1 ? alt : null);
        }
    }

    [HttpPost("{mediaId:int}/replace")]
    [MediaUploadLimit]
    public async Task<IActionResult> Replace(int id, int mediaId, IFormFile? file, string? caption, string? alt)
    {
        if (file is null)
        {
            return Answer(id, [], ["请选择用来替换的文件。"]);
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return Answer(id, [], [$"文件“{MediaService.CleanName(file.FileName)}”超过了 {options.Value.MaxUploadMegabytes} MB 的上限。请压缩后再上传。"]);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var outcome = await media.ReplaceAsync(id, mediaId, new Upload(file.FileName, buffer.ToArray(), caption, alt), Actor);
        return outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden ? Refuse(id, outcome)
            : outcome.Value is { } stored ? Answer(id, [stored], [], replaced: mediaId)
            : Answer(id, [], outcome.Errors);
    }

    [HttpPost("{mediaId:int}/remove")]
    public async Task<IActionResult> Remove(int id, int mediaId)
    {
        var outcome = await media.RemoveAsync(id, mediaId, Actor);
        if (WantsJson)
        {
            return outcome.Succeeded ? Json(new { removed = mediaId }) : Refuse(id, outcome);
        }

        return this.Finish(outcome, "已删除。", "Details", new { controller = "Articles", id });
    }

    private IActionResult Answer(int id, IReadOnlyList<MediaFile> added, IReadOnlyList<string> errors, int? replaced = null)
    {
        if (WantsJson)
        {
            var body = new { files = added.Select(MediaJson.Of), errors, replaced };
            return added.Count > 0 || errors.Count == 0 ? Json(body) : BadRequest(body);
        }

        if (errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", errors);
        }

        if (added.Count > 0)
        {
            TempData["Message"] = added[0].Kind == MediaKind.Picture
                ? $"已上传 {added.Count} 张图片。在正文中要放图片的地方写入：" + string.Join(" ", added.Select(f => f.Markdown))
                : $"已上传 {added.Count} 个附件，列在文章末尾。";
        }

        return RedirectToAction("Details", "Articles", new { id });
    }

    private IActionResult Refuse(int id, Outcome outcome)
    {
        if (!WantsJson)
        {
            return this.Finish(outcome, "", "Details", new { controller = "Articles", id });
        }

        var status = outcome.Kind switch
        {
            OutcomeKind.NotFound => StatusCodes.Status404NotFound,
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return StatusCode(status, new { files = Array.Empty<object>(), errors = outcome.Errors });
    }
}

/// <summary>What the editor's script gets for a stored file, and the Markdown that places a picture in the text.</summary>
public static class MediaJson
{
    public static object Of(MediaFile file) => new
    {
        id = file.Id,
        kind = file.Kind == MediaKind.Picture ? "picture" : "attachment",
        name = file.OriginalName,
        caption = file.Caption,
        alt = file.Alt,
        width = file.Width,
        height = file.Height,
        bytes = file.Bytes,
        markdown = file.Kind == MediaKind.Picture ? file.Markdown : null,
        url = file.Kind == MediaKind.Picture ? MediaPaths.Variant(file.Id, file.VariantNames[0], file.Extension) : MediaPaths.Download(file.Id),
    };

}

/// <summary>
/// Lets an upload request carry <see cref="ArticleMediaController.MaxFilesPerRequest"/> files of the configured size (Kestrel's
/// default stops at 30 MB); a single file over the limit still reaches the action, which refuses it in Chinese.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MediaUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before <see cref="Infrastructure.FormLimitsFilter"/> (950) and the antiforgery check (1000) read the form.</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes;
        var requestLimit = (limit * 2) + (1024 * 1024);
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = requestLimit;
        }

        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request,
            new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = requestLimit }));
    }
}
