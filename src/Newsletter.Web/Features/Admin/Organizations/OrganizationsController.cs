using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// 单位与发送名单: the tree, new and edit (addresses, 送/发), 停用/启用, CSV export and import.
/// There is no delete: an organisation that received an issue stays, deactivated. Every change is audited.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/organizations")]
public sealed class OrganizationsController(OrganizationService organizations, OrganizationCsvService csv, ContactSubscriptions subscriptions) : Controller
{
    private const string Missing = "没有这个单位。";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await organizations.TreePageAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(await organizations.FormPageAsync(null, new OrganizationForm(), ct));

    [HttpPost("new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] OrganizationForm form, CancellationToken ct)
    {
        if (Validate(null, form, await organizations.AllAsync(ct)) is not { } target)
        {
            return View(await organizations.FormPageAsync(null, form, ct));
        }

        if (await organizations.CreateAsync(target, form.ParentId, HttpContext.ToActor(), ct) is { Succeeded: false } refused)
        {
            return await RefusedAsync(null, form, refused, ct);
        }

        TempData["Message"] = $"已添加单位“{target.Name}”。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await organizations.LoadAsync(id, ct) is { } organization
            ? View(await organizations.FormPageAsync(organization, OrganizationForm.From(organization), ct))
            : this.NotFoundPage(Missing);

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] OrganizationForm form, CancellationToken ct)
    {
        if (await organizations.LoadAsync(id, ct) is not { } organization)
        {
            return this.NotFoundPage(Missing);
        }

        var all = await organizations.AllAsync(ct);
        if (Validate(organization, form, all) is not { } target)
        {
            return View(await organizations.FormPageAsync(organization, form, ct));
        }

        var saved = await organizations.UpdateAsync(organization, target, form.ParentId, all, HttpContext.ToActor(), ct);
        if (!saved.Succeeded)
        {
            return await RefusedAsync(await organizations.LoadAsync(id, ct), form, saved, ct);
        }

        TempData["Message"] = saved.Value ? "已保存。" : "没有改动。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A deactivated organisation stays in the tree (greyed) and keeps its history; it gets no more issues.</summary>
    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    /// <summary>重新订阅 an address its recipient unsubscribed: administrators only, with a reason for the audit log.</summary>
    [HttpPost("{id:int}/contacts/{contactId:int}/resubscribe")]
    public async Task<IActionResult> Resubscribe(int id, int contactId, string? reason, CancellationToken ct) =>
        this.Finish(await subscriptions.ResubscribeAsync(id, contactId, reason, HttpContext.ToActor(), ct), "已重新订阅，下一期起恢复发送。", nameof(Edit), new { id });

    /// <summary>单位名单-2026-11-29.csv in the order of the tree page, so a parent comes before its children.</summary>
    [HttpPost("{id:int}/contacts/{contactId:int}/resume")]
    public async Task<IActionResult> Resume(int id, int contactId, string? reason, CancellationToken ct) =>
        this.Finish(await subscriptions.ResumeAsync(id, contactId, reason, HttpContext.ToActor(), ct), "已恢复发送，下一期起重新发往这个地址。", nameof(Edit), new { id });

    /// <summary>接收记录: every dispatch to this organisation, every address, its state and time.</summary>
    [HttpGet("{id:int}/deliveries")]
    public async Task<IActionResult> Deliveries(int id, [FromServices] DeliveryHistory history, CancellationToken ct) =>
        await history.ForAsync(id, ct) is { } page ? View(page) : this.NotFoundPage("没有这个单位。");

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var (content, fileName) = await csv.ExportAsync(ct);
        return File(content, "text/csv; charset=utf-8", fileName);
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
        var preview = await csv.PreviewAsync(file, HttpContext.ToActor(), ct);
        return preview.Succeeded ? View("ImportPreview", preview.Value) : View(new ImportUploadPage(preview.Message));
    }

    /// <summary>Writes every valid line of the previewed file in one transaction and says what was done.</summary>
    [HttpPost("import/apply")]
    public async Task<IActionResult> Apply(string? payload, CancellationToken ct)
    {
        var plan = await csv.ApplyAsync(payload, HttpContext.ToActor(), ct);
        return plan.Succeeded ? View("ImportDone", plan.Value) : View(nameof(Import), new ImportUploadPage(plan.Message));
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        if (await organizations.SetActiveAsync(id, active, HttpContext.ToActor(), ct) is not { } organization)
        {
            return this.NotFoundPage(Missing);
        }

        TempData["Message"] = active ? $"已启用“{organization.Name}”。" : $"已停用“{organization.Name}”，它不再收到新的期刊。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The state to save, or null with the form's errors (the rules' and the model binding's) in ModelState.</summary>
    private OrganizationState? Validate(Organization? current, OrganizationForm form, IReadOnlyList<Organization> all)
    {
        var (target, errors) = OrganizationService.Check(current, form, all);
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, message);
        }

        return ModelState.IsValid ? target : null;
    }

    /// <summary>
    /// Another administrator saved an organisation of this name between this form's check and its save: the unique
    /// index refused the row, nothing was saved, and the form comes back with the same message the check gives.
    /// </summary>
    /// <summary>The form again with why it was not saved: a name taken meanwhile (on the name field) or a simultaneous edit.</summary>
    private async Task<IActionResult> RefusedAsync(Organization? current, OrganizationForm form, Outcome refused, CancellationToken ct)
    {
        ModelState.AddModelError(refused.Kind == OutcomeKind.Conflict ? "" : "Form.Name", refused.Message!);
        return View(current is null ? nameof(New) : nameof(Edit), await organizations.FormPageAsync(current, form, ct));
    }
}
