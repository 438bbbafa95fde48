using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// 单位与发送名单: the tree, new and edit (addresses, 送/发), 停用/启用, CSV export and import.
/// There is no delete: an organisation that received an issue stays, deactivated. Every change is audited.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/organizations")]
public sealed partial class OrganizationsController(
    NewsletterDbContext context, AuditLog auditLog, TimeProvider timeProvider, IDataProtectionProvider protection) : Controller
{
    private const string Entity = "Organization";
    private const string Missing = "没有这个单位。";

    private readonly NewsletterDbContext db = context;
    private readonly AuditLog audit = auditLog;
    private readonly TimeProvider clock = timeProvider;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var items = OrganizationTree.Flatten(await AllAsync(ct));
        var rows = items.Select(i => (i.Root.Kind == OrganizationKind.Body, Row: Row(i))).ToList();
        return View(new OrganizationsPage(rows.Where(r => !r.Item1).Select(r => r.Row).ToList(), rows.Where(r => r.Item1).Select(r => r.Row).ToList()));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(await FormPageAsync(null, new OrganizationForm(), ct));

    [HttpPost("new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] OrganizationForm form, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var target = Validate(null, form, all);
        if (target is null)
        {
            return View(await FormPageAsync(null, form, ct));
        }

        var actor = HttpContext.ToActor();
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var organization = new Organization { Name = target.Name, CreatedAt = now };
                var parent = form.ParentId is { } parentId ? await db.Organizations.FindAsync([parentId], ct) : null;
                target.WriteTo(organization, parent, db, now);
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(ct);
                audit.Record(actor, Entity, organization.Id, "新建单位", to: "正常", detail: $"{organization.Name}：{target.Describe()}");
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await NameTakenAsync(null, form, target.Name, ct);
        }

        TempData["Message"] = $"已添加单位“{target.Name}”。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var organization = await LoadAsync(id, ct);
        return organization is null
            ? this.NotFoundPage(Missing)
            : View(await FormPageAsync(organization, OrganizationForm.From(organization), ct));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Form")] OrganizationForm form, CancellationToken ct)
    {
        var organization = await LoadAsync(id, ct);
        if (organization is null)
        {
            return this.NotFoundPage(Missing);
        }

        var all = await AllAsync(ct);
        var target = Validate(organization, form, all);
        if (target is null)
        {
            return View(await FormPageAsync(organization, form, ct));
        }

        var before = OrganizationState.Of(organization, all.FirstOrDefault(o => o.Id == organization.ParentId)?.Name);
        var changes = OrganizationState.Changes(before, target);
        if (changes.Count == 0)
        {
            TempData["Message"] = "没有改动。";
            return RedirectToAction(nameof(Edit), new { id });
        }

        var parent = form.ParentId is { } parentId ? await db.Organizations.FindAsync([parentId], ct) : null;
        target.WriteTo(organization, parent, db, clock.GetUtcNow().UtcDateTime);
        audit.Record(HttpContext.ToActor(), Entity, organization.Id, "修改单位", detail: $"{before.Name}：" + string.Join("；", changes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The name, or (when two administrators save the same organisation at once) one of its addresses or lists.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(id, ct);
            if (await db.Organizations.AnyAsync(o => o.Name == target.Name && o.Id != id, ct))
            {
                return await NameTakenAsync(current, form, target.Name, ct);
            }

            ModelState.AddModelError("", "在您编辑期间，别人也修改了这个单位，您的修改没有保存。请核对后重新提交。");
            return View(await FormPageAsync(current, form, ct));
        }

        TempData["Message"] = "已保存。";
        return RedirectToAction(nameof(Edit), new { id });
    }
}
