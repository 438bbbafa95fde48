using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Users.Import;

/// <summary>The upload page with why the last file was refused.</summary>
public sealed record UserImportUploadPage(string? Error);

/// <summary>A file over the limit: the upload page with the message, before antiforgery reads the form.</summary>
public sealed class UserCsvUploadSizeLimitAttribute() : UploadSizeLimitAttribute(UserImportService.MaxUploadBytes)
{
    public const long MaxRequestBytes = UserImportService.MaxUploadBytes + FormOverheadBytes;

    protected override (string View, object Model) Refusal => ("Upload", new UserImportUploadPage("文件太大，不能超过 1 MB。请分成几个文件导入。"));
}

/// <summary>批量导入用户: many accounts from one CSV, each activated by a mailed link.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/users/import")]
public sealed class UserImportController(UserImportService import) : Controller
{
    [HttpGet("")]
    public IActionResult Upload() => View(new UserImportUploadPage(null));

    /// <summary>Reads the file and lists every line with all its errors; nothing is created.</summary>
    [HttpPost("")]
    [UserCsvUploadSizeLimit]
    [RequestSizeLimit(UserCsvUploadSizeLimitAttribute.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UserCsvUploadSizeLimitAttribute.MaxRequestBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        var preview = await import.PreviewAsync(file, HttpContext.ToActor(), ct);
        return preview.Succeeded ? View("Preview", preview.Value) : View(new UserImportUploadPage(preview.Message));
    }

    [HttpPost("apply")]
    public async Task<IActionResult> Apply(string? payload, CancellationToken ct)
    {
        var result = await import.ApplyAsync(payload, HttpContext.ToActor(), ct);
        return result.Succeeded ? View("Done", result.Value) : View(nameof(Upload), new UserImportUploadPage(result.Message));
    }
}
