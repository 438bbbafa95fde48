using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Editors upload an issue as a .txt or .docx file; it is imported as a draft (never published here)
/// and the editor lands on its compose page to review it, with the importer's warnings (among them each picture of a
/// .docx that could not be kept, by article and place). Whatever is
/// refused (not a readable file, no 目录, a duplicate, over 10 MB, a crafted package, too long to read) writes nothing.
/// Several files or a .zip make a batch: a dry run first (<see cref="ImportBatchRunner"/>), then the whole batch applied
/// in the background (<see cref="ImportBatchWorker"/>), its report page showing the progress.
/// </summary>
[Authorize(Roles = Roles.Editors)]
[Route("editorial/import")]
public sealed class ImportsController(IssueImporter importer, ImportBatchStore batches) : Controller
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
                file is null ? "请选择要导入的文件（.txt、.docx 或 .pdf）。" : "文件是空的（0 字节），没有可导入的内容。");
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

        var outcome = await importer.ImportFileAsync(bytes, file.FileName, publish: false, HttpContext.ToActor(), ct);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                file.FileName, [.. outcome.Errors]);
        }

        var imported = outcome.Value!;
        TempData["Message"] = $"已从“{Path.GetFileName(file.FileName)}”导入{imported.Label}，现为草稿，读者看不到。请逐篇核对后再按流程送审、发布。";
        if (imported.Warnings.Count > 0)
        {
            TempData["Error"] = "导入时发现以下情况，请核对：" + string.Concat(imported.Warnings.Select((w, i) => $" {i + 1}. {w}"));
        }

        return Redirect($"/editorial/issues/{imported.Id}");
    }

    /// <summary>A batch: the files are kept on the server and read; the dry run's report is shown, nothing is imported yet.</summary>
    [HttpPost("batches")]
    [BatchUploadSizeLimit]
    [RequestSizeLimit(BatchUploadSizeLimitAttribute.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = BatchUploadSizeLimitAttribute.MaxRequestBytes)]
    public async Task<IActionResult> Batch(List<IFormFile> files, [FromServices] ImportBatchRunner runner, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            var page = View(nameof(Index), new ImportPageViewModel(["请选择要试导入的文件：可以一次选多个 .txt、.docx 文件，或一个 .zip 压缩包。"]));
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var batch = batches.Create(HttpContext.ToActor().UserId!);
        var intake = new ImportBatchIntake(batches.FolderOf(batch));
        foreach (var file in files)
        {
            await intake.AddAsync(file.FileName, file.Length, file.OpenReadStream, ct);
        }

        batch.Files.AddRange(intake.Files);
        batch.DryRun.AddRange(await runner.DryRunAsync(intake.Files, ct));
        batches.Save(batch);
        return Redirect($"/editorial/import/batches/{batch.Id}");
    }

    /// <summary>The batch's report; while it is applied the page asks the browser to load it again every 2 seconds.</summary>
    [HttpGet("batches/{id}")]
    public IActionResult Batch(string id)
    {
        if (batches.Find(id, HttpContext.ToActor().UserId) is not { } batch)
        {
            return NotFound();
        }

        if (batch.State == ImportBatchState.Applying)
        {
            Response.Headers["Refresh"] = "2";
        }

        return View(batch);
    }

    /// <summary>Applies the batch in the background, once (a second click changes nothing); the report page follows it.</summary>
    [HttpPost("batches/{id}/apply")]
    public IActionResult Apply(string id, [FromServices] ImportBatchWorker worker)
    {
        if (batches.Find(id, HttpContext.ToActor().UserId) is not { } batch)
        {
            return NotFound();
        }

        if (batches.TryStartApply(batch))
        {
            worker.Enqueue(batch, HttpContext.ToActor());
        }

        return Redirect($"/editorial/import/batches/{id}");
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

/// <summary>An issue file (.txt, .docx, .pdf) over <see cref="IssueFile.MaxBytes"/>: the import page with the message.</summary>
public sealed class IssueUploadSizeLimitAttribute() : UploadSizeLimitAttribute(IssueFile.MaxBytes)
{
    public const long MaxRequestBytes = IssueFile.MaxBytes + FormOverheadBytes;

    protected override (string View, object Model) Refusal => ("Index", new ImportPageViewModel([IssueFile.TooLarge]));
}

/// <summary>A batch (several files or a .zip) over <see cref="MaxBytes"/> in all: the import page with the message.</summary>
public sealed class BatchUploadSizeLimitAttribute() : UploadSizeLimitAttribute(MaxBytes)
{
    public const long MaxBytes = 100L * 1024 * 1024;

    public const long MaxRequestBytes = MaxBytes + FormOverheadBytes;

    protected override (string View, object Model) Refusal => ("Index", new ImportPageViewModel(
        [$"一批文件合计超过 {MaxBytes / 1024 / 1024} MB，没有收下、没有导入；请分几批上传。"]));
}
