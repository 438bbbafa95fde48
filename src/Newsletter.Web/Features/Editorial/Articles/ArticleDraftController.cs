using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>
/// The editor's helpers around a draft (wwwroot/js/editor-draft.js): 自动保存 every 30 seconds and on leaving the page, and
/// reading one article from a Word file into 标题 and 正文 (the writer checks it and saves; nothing is stored by reading).
/// </summary>
[Authorize(Roles = Roles.Writers)]
[Route("editorial/articles")]
public sealed class ArticleDraftController(
    ArticleService articles, MediaService media, IOptions<MediaOptions> mediaOptions, NewsletterDbContext db) : Controller
{
    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);

    /// <summary>JSON {version} (the page's next save starts from it); a refusal is its status with {errors} (409 when someone else saved meanwhile).</summary>
    [HttpPost("{id:int}/autosave")]
    public async Task<IActionResult> Autosave(int id, ArticleForm form)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(new { errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList() });
        }

        var saved = await articles.AutosaveAsync(id, form, HttpContext.ToActor());
        return saved.Succeeded
            ? Json(new { version = saved.Value })
            : StatusCode(StatusOf(saved), new { errors = saved.Errors });
    }

    [HttpPost("new/docx")]
    [RequestSizeLimit(ArticleDocx.MaxBytes + UploadSizeLimitAttribute.FormOverheadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ArticleDocx.MaxBytes + UploadSizeLimitAttribute.FormOverheadBytes)]
    public Task<IActionResult> NewDocx(IFormFile? file, CancellationToken ct) => ReadDocxAsync(null, new ArticleForm(), file, ct);

    [HttpPost("{id:int}/docx")]
    [RequestSizeLimit(ArticleDocx.MaxBytes + UploadSizeLimitAttribute.FormOverheadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ArticleDocx.MaxBytes + UploadSizeLimitAttribute.FormOverheadBytes)]
    public async Task<IActionResult> Docx(int id, IFormFile? file, CancellationToken ct)
    {
        var article = await articles.FindAsync(id);
        var actor = HttpContext.ToActor();
        if (article is null || !ArticleRules.CanView(article, actor))
        {
            return WantsJson ? NotFound(new { errors = new[] { "没有找到这篇稿件。" } }) : this.NotFoundPage("没有找到这篇稿件。");
        }

        if (ArticleRules.WhyNotEditable(article, actor) is { } why)
        {
            return StatusCode(StatusCodes.Status403Forbidden, new { errors = new[] { why } });
        }

        return await ReadDocxAsync(id, ArticleForm.From(article), file, ct);
    }

    /// <summary>JSON {title, body, note} for the script; without it, the editor page with the fields filled in, not saved.</summary>
    private async Task<IActionResult> ReadDocxAsync(int? id, ArticleForm form, IFormFile? file, CancellationToken ct)
    {
        var read = await ReadAsync(file, ct);
        if (WantsJson)
        {
            return read.Value is { } text
                ? Json(new { title = text.Title, body = text.Body, note = text.Note })
                : BadRequest(new { errors = read.Errors });
        }

        string? notice = null;
        if (read.Value is { } doc)
        {
            form.Title = doc.Title.Length > 0 ? doc.Title : form.Title;
            form.Body = doc.Body;
            notice = "已从 Word 文件读入标题和正文，请核对后点“保存”。" + doc.Note;
        }
        else
        {
            read.Errors.ToList().ForEach(e => ModelState.AddModelError("file", e));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var panel = new MediaPanelViewModel(id, id is { } articleId ? await media.ListAsync(articleId) : [], mediaOptions.Value.MaxUploadMegabytes);
        return View("Edit", new ArticleEditViewModel(id, form, sections, notice, panel));
    }

    private static async Task<Outcome<ArticleDocxText>> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Outcome<ArticleDocxText>.Invalid("请选择一个 Word 文件（.docx）。");
        }

        if (file.Length > ArticleDocx.MaxBytes)
        {
            return Outcome<ArticleDocxText>.Invalid($"文件太大：一篇稿件的 Word 文件不能超过 {ArticleDocx.MaxBytes / 1024 / 1024} MB。");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return ArticleDocx.Read(buffer.ToArray(), ct);
    }

    private static int StatusOf(Outcome outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
