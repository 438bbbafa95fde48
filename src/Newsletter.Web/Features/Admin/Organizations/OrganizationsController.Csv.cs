using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Infrastructure;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>The list as CSV, and importing one: upload → preview (nothing written) → apply (one transaction).</summary>
public sealed partial class OrganizationsController
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>单位名单-2026-11-29.csv in the order of the tree page, so a parent comes before its children.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var names = all.ToDictionary(o => o.Id, o => o.Name);
        var rows = OrganizationTree.Flatten(all).OrderBy(i => i.Root.Kind == OrganizationKind.Body) // as on the page: bodies last
            .Select(i => OrganizationCsv.Row(i.Organization, i.Organization.ParentId is { } p ? names[p] : null));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ChineseFormat.ChinaTime));
        return File(OrganizationCsv.Write(rows), "text/csv; charset=utf-8", $"单位名单-{today:yyyy-MM-dd}.csv");
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new ImportUploadPage(null));

    /// <summary>Reads the file and shows what importing it would do; nothing is written.</summary>
    [HttpPost("import")]
    [CsvUploadSizeLimit]
    [RequestSizeLimit(CsvUploadSizeLimitAttribute.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = CsvUploadSizeLimitAttribute.MaxRequestBytes)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return View(new ImportUploadPage("请选择要导入的 CSV 文件。"));
        }

        if (file.Length > MaxUploadBytes)
        {
            return View(new ImportUploadPage(CsvUploadSizeLimitAttribute.TooLarge(file.Length)));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var text = TextDecoder.Decode(buffer.ToArray());
        if (!text.Succeeded)
        {
            return View(new ImportUploadPage(string.Join(" ", text.Errors)));
        }

        var lines = OrganizationCsv.Read(text.Value!);
        if (!lines.Succeeded)
        {
            return View(new ImportUploadPage(string.Join(" ", lines.Errors)));
        }

        var payload = Payload().Protect(text.Value!);
        if (payload.Length > ImportPayload.MaxLength)
        {
            return View(new ImportUploadPage("文件内容太多，请分成几个文件导入。"));
        }

        var plan = ImportPlanner.Plan(lines.Value!, await AllAsync(ct));
        return View("ImportPreview", new ImportPreviewPage(Path.GetFileName(file.FileName), plan, payload));
    }

    /// <summary>Writes every valid line of the previewed file in one transaction and says what was done.</summary>
    [HttpPost("import/apply")]
    public async Task<IActionResult> Apply(string? payload, CancellationToken ct)
    {
        if (Payload().Unprotect(payload) is not { } text || OrganizationCsv.Read(text) is not { Succeeded: true } lines)
        {
            return View(nameof(Import), new ImportUploadPage("导入内容已失效或被改动，请重新上传文件。"));
        }

        try
        {
            var plan = await new ImportWriter(db, audit, clock).ApplyAsync(lines.Value!, HttpContext.ToActor(), ct);
            return View("ImportDone", plan);
        }
        catch (DbUpdateException)
        {
            // The transaction was not committed: nothing of this import is kept.
            return View(nameof(Import), new ImportUploadPage("写入时出错（可能有人同时修改了单位名单），没有导入任何内容。请重新上传文件再试。"));
        }
    }

    private ImportPayload Payload() => new(protection, HttpContext.ToActor().UserId ?? "");
}

/// <summary>The upload form, with why the last file was refused.</summary>
public sealed record ImportUploadPage(string? Error);

public sealed record ImportPreviewPage(string FileName, ImportPlan Plan, string Payload);

/// <summary>A CSV over <see cref="OrganizationsController.MaxUploadBytes"/>: the upload page with the message.</summary>
public sealed class CsvUploadSizeLimitAttribute() : UploadSizeLimitAttribute(OrganizationsController.MaxUploadBytes)
{
    public const long MaxRequestBytes = OrganizationsController.MaxUploadBytes + FormOverheadBytes;

    public static string TooLarge(long? bytes) =>
        (bytes is { } b ? $"文件太大（{b / 1024.0 / 1024.0:0.0} MB），" : "文件太大，") + "不能超过 2 MB。请分成几个文件导入。";

    protected override (string View, object Model) Refusal => ("Import", new ImportUploadPage(TooLarge(null)));
}
