using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>停用、启用, and what the organisation pages share.</summary>
public sealed partial class OrganizationsController
{
    /// <summary>A deactivated organisation stays in the tree (greyed) and keeps its history; it gets no more issues.</summary>
    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var organization = await db.Organizations.FindAsync([id], ct);
        if (organization is null)
        {
            return this.NotFoundPage(Missing);
        }

        if (organization.IsActive != active)
        {
            organization.IsActive = active;
            audit.Record(HttpContext.ToActor(), Entity, organization.Id, active ? "启用单位" : "停用单位",
                OrganizationState.StatusName(!active), OrganizationState.StatusName(active), detail: organization.Name);
            await db.SaveChangesAsync(ct);
        }

        TempData["Message"] = active ? $"已启用“{organization.Name}”。" : $"已停用“{organization.Name}”，它不再收到新的期刊。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// Another administrator saved an organisation of this name between this form's check and its save: the unique
    /// index refused the row, nothing was saved, and the form comes back with the same message the check gives.
    /// </summary>
    private async Task<IActionResult> NameTakenAsync(Organization? current, OrganizationForm form, string name, CancellationToken ct)
    {
        ModelState.AddModelError("Form.Name", NameTaken(name));
        return View(current is null ? nameof(New) : nameof(Edit), await FormPageAsync(current, form, ct));
    }

    private static string NameTaken(string name) => $"单位“{name}”已存在。";

    /// <summary>Checks the form against the rules and the other organisations; the state to save, or null with the errors in ModelState.</summary>
    private OrganizationState? Validate(Organization? current, OrganizationForm form, IReadOnlyList<Organization> all)
    {
        var name = (form.Name ?? "").Trim();
        if (name.Length > 0 && all.Any(o => o.Name == name && o.Id != current?.Id))
        {
            ModelState.AddModelError("Form.Name", NameTaken(name));
        }

        if (!Enum.IsDefined(form.Kind))
        {
            ModelState.AddModelError("Form.Kind", "请选择类型。");
        }

        if (!Enum.IsDefined(form.SendStatus) || !Enum.IsDefined(form.DistributeStatus))
        {
            ModelState.AddModelError("", "名单状态只能是正常或暂停。");
        }

        var parent = form.ParentId is { } parentId ? all.FirstOrDefault(o => o.Id == parentId) : null;
        if (form.ParentId is not null && parent is null)
        {
            ModelState.AddModelError("Form.ParentId", "所选的上级单位不存在。");
        }
        else if (parent is not null && current is not null && OrganizationTree.SelfAndDescendants(all, current.Id).Contains(parent.Id))
        {
            ModelState.AddModelError("Form.ParentId", "上级单位不能是这个单位自己或它的下级单位。");
        }

        var (emails, emailError) = EmailList.Parse(form.Emails);
        if (emailError is not null)
        {
            ModelState.AddModelError("Form.Emails", emailError);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        return new OrganizationState(name, form.Kind, parent?.Name, form.SortOrder, current?.IsActive ?? true, emails,
            form.Send ? new MembershipState(form.SendStatus, form.SendOrder) : null,
            form.Distribute ? new MembershipState(form.DistributeStatus, form.DistributeOrder) : null);
    }

    private async Task<OrganizationFormPage> FormPageAsync(Organization? current, OrganizationForm form, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var excluded = current is null ? [] : OrganizationTree.SelfAndDescendants(all, current.Id);
        var parents = OrganizationTree.Flatten(all).Where(i => !excluded.Contains(i.Organization.Id))
            .Select(i => new ParentOption(i.Organization.Id,
                new string('　', i.Depth) + i.Organization.Name + (i.Organization.IsActive ? "" : "（已停用）")))
            .ToList();
        var inactive = current?.Contacts.Where(c => !c.IsActive).Select(c => c.Email).ToList() ?? [];
        return new OrganizationFormPage(current?.Id, current?.Name, current?.IsActive ?? true, form, parents, inactive);
    }

    /// <summary>One organisation, tracked, with all its addresses (also inactive ones) and memberships.</summary>
    private Task<Organization?> LoadAsync(int id, CancellationToken ct) =>
        db.Organizations.Include(o => o.Contacts).Include(o => o.Memberships).FirstOrDefaultAsync(o => o.Id == id, ct);

    private async Task<List<Organization>> AllAsync(CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Include(o => o.Contacts).Include(o => o.Memberships).AsSplitQuery().ToListAsync(ct);

    private static OrganizationRow Row(TreeItem item)
    {
        var o = item.Organization;
        return new OrganizationRow(o.Id, o.Name, Organization.KindName(o.Kind), item.Depth, o.IsActive,
            o.Contacts.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Email).ToList(),
            o.Memberships.OrderBy(m => m.Group)
                .Select(m => $"{GroupMembership.GroupName(m.Group)}：{MembershipState.StatusName(m.Status)}").ToList());
    }
}
