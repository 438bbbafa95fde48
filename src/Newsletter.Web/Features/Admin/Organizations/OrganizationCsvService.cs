using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>The list as CSV, and importing one: upload → preview (nothing written) → apply (one transaction).</summary>
public sealed class OrganizationCsvService(
    NewsletterDbContext db, AuditLog audit, TimeProvider clock, IDataProtectionProvider protection, OrganizationService organizations)
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>单位名单-2026-11-29.csv in the order of the tree page, so a parent comes before its children.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(CancellationToken ct)
    {
        var all = await organizations.AllAsync(ct);
        var names = all.ToDictionary(o => o.Id, o => o.Name);
        var rows = OrganizationTree.Flatten(all).OrderBy(i => i.Root.Kind == OrganizationKind.Body) // as on the page: bodies last
            .Select(i => OrganizationCsv.Row(i.Organization, i.Organization.ParentId is { } p ? names[p] : null));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, ChineseFormat.ChinaTime));
        return (OrganizationCsv.Write(rows), $"单位名单-{today:yyyy-MM-dd}.csv");
    }

    /// <summary>Reads the file and says what importing it would do, or why the file is refused; nothing is written.</summary>
    public async Task<Outcome<ImportPreviewPage>> PreviewAsync(IFormFile? file, Actor actor, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Outcome<ImportPreviewPage>.Invalid("请选择要导入的 CSV 文件。");
        }

        if (file.Length > MaxUploadBytes)
        {
            return Outcome<ImportPreviewPage>.Invalid(CsvUploadSizeLimitAttribute.TooLarge(file.Length));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var text = TextDecoder.Decode(buffer.ToArray());
        if (!text.Succeeded)
        {
            return Outcome<ImportPreviewPage>.Invalid(string.Join(" ", text.Errors));
        }

        var lines = OrganizationCsv.Read(text.Value!);
        if (!lines.Succeeded)
        {
            return Outcome<ImportPreviewPage>.Invalid(string.Join(" ", lines.Errors));
        }

        var payload = Payload(actor).Protect(text.Value!);
        if (payload.Length > ImportPayload.MaxLength)
        {
            return Outcome<ImportPreviewPage>.Invalid("文件内容太多，请分成几个文件导入。");
        }

        var plan = ImportPlanner.Plan(lines.Value!, await organizations.AllAsync(ct));
        return Outcome.Ok(new ImportPreviewPage(Path.GetFileName(file.FileName), plan, payload));
    }

    /// <summary>Writes every valid line of the previewed file in one transaction and says what was done, or why nothing was.</summary>
    public async Task<Outcome<ImportPlan>> ApplyAsync(string? payload, Actor actor, CancellationToken ct)
    {
        if (Payload(actor).Unprotect(payload) is not { } text || OrganizationCsv.Read(text) is not { Succeeded: true } lines)
        {
            return Outcome<ImportPlan>.Invalid("导入内容已失效或被改动，请重新上传文件。");
        }

        try
        {
            return Outcome.Ok(await new ImportWriter(db, audit, clock).ApplyAsync(lines.Value!, actor, ct));
        }
        catch (DbUpdateException)
        {
            // The transaction was not committed: nothing of this import is kept.
            return Outcome<ImportPlan>.Invalid("写入时出错（可能有人同时修改了单位名单），没有导入任何内容。请重新上传文件再试。");
        }
    }

    private ImportPayload Payload(Actor actor) => new(protection, actor.UserId ?? "");
}
