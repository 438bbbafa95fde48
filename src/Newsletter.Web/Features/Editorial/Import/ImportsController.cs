using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Newsletter.Web.Infrastructure;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Editors upload an issue as a .txt or .docx file; it is imported as a draft (never published here)
/// and the editor lands on its compose page to review it, with the importer's warnings (among them each picture of a
/// .docx that could not be kept, by article and place). Whatever is
/// refused (not a readable file, no 目录, a duplicate, over 10 MB, a crafted package, too long to read) writes nothing.
/// </summary>
[Authorize(Roles = Roles.Editors)]
[Route("editorial/import")]
public sealed class ImportsController(IssueImporter importer, AuditLog audit, NewsletterDbContext db, IOptions<ImportOptions> options) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportPageViewModel([]));

    [HttpPost("")]
    [IssueUploadSizeLimit]
    [RequestSizeLimit(IssueUploadSizeLimitAttribute.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = IssueUploadSizeLimitAttribute.MaxRequestBytes)]
    public async Task<IActionResult> Index(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, file?.FileName,
                file is null ? "请选择要导入的文件（.txt 或 .docx）。" : "文件是空的（0 字节），没有可导入的内容。");
        }

        if (file.Length > IssueFile.MaxBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, file.FileName, IssueFile.TooLarge);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var parsed = await IssueFile.ParseAsync(bytes, file.FileName, options.Value.ReadTimeout, ct);
        var outcome = await importer.ImportParsedAsync(parsed, file.FileName, publish: false, HttpContext.ToActor(), ct);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                file.FileName, [.. outcome.Errors]);
        }

        var imported = outcome.Value!;
        audit.Record(HttpContext.ToActor(), nameof(Issue), imported.Id, "导入一期",
            to: IssueWorkflow.StatusName(IssueStatus.Draft), detail: $"{imported.Label}，文件 {Path.GetFileName(file.FileName)}");
        await db.SaveChangesAsync(ct);

        TempData["Message"] = $"已从“{Path.GetFileName(file.FileName)}”导入{imported.Label}，现为草稿，读者看不到。请逐篇核对后再按流程送审、发布。";
        if (imported.Warnings.Count > 0)
        {
            TempData["Error"] = "导入时发现以下情况，请核对：" + string.Concat(imported.Warnings.Select((w, i) => $" {i + 1}. {w}"));
        }

        return Redirect($"/editorial/issues/{imported.Id}");
    }

    private ViewResult Refuse(int status, string? fileName, params string[] errors)
    {
        var result = View(nameof(Index), new ImportPageViewModel(errors, fileName is null ? null : Path.GetFileName(fileName)));
        result.StatusCode = status;
        return result;
    }
}

/// <summary>The upload page: what went wrong with the last file, if anything.</summary>
public sealed record ImportPageViewModel(IReadOnlyList<string> Errors, string? FileName = null);

/// <summary>An issue file (.txt, .docx) over <see cref="IssueFile.MaxBytes"/>: the import page with the message.</summary>
public sealed class IssueUploadSizeLimitAttribute() : UploadSizeLimitAttribute(IssueFile.MaxBytes)
{
    public const long MaxRequestBytes = IssueFile.MaxBytes + FormOverheadBytes;

    protected override (string View, object Model) Refusal => ("Index", new ImportPageViewModel([IssueFile.TooLarge]));
}
