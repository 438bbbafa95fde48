using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// The organisations: the tree, the form's checks, new, edit, 停用/启用. There is no delete: an organisation that
/// received an issue stays, deactivated. Every change is audited.
/// </summary>
public sealed class OrganizationService(NewsletterDbContext db, AuditLog audit, TimeProvider clock, My.MemberContacts members)
{
    public const string Entity = "Organization";

    public static string NameTaken(string name) => $"单位“{name}”已存在。";

    /// <summary>Two administrators saved the same organisation (one of its addresses or lists) at one moment.</summary>
    public const string ChangedMeanwhile = "在您编辑期间，别人也修改了这个单位，您的修改没有保存。请核对后重新提交。";

    /// <summary>Every organisation, untracked, with all its addresses (also inactive ones) and memberships.</summary>
    public async Task<List<Organization>> AllAsync(CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Include(o => o.Contacts).Include(o => o.Memberships).AsSplitQuery().ToListAsync(ct);

    /// <summary>One organisation, tracked, with all its addresses (also inactive ones) and memberships.</summary>
    public Task<Organization?> LoadAsync(int id, CancellationToken ct) =>
        db.Organizations.Include(o => o.Contacts).Include(o => o.Memberships).FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<OrganizationsPage> TreePageAsync(CancellationToken ct)
    {
        var rows = OrganizationTree.Flatten(await AllAsync(ct)).Select(i => (IsBody: i.Root.Kind == OrganizationKind.Body, Row: Row(i))).ToList();
        return new OrganizationsPage(rows.Where(r => !r.IsBody).Select(r => r.Row).ToList(), rows.Where(r => r.IsBody).Select(r => r.Row).ToList());
    }

    /// <summary>The new (<paramref name="current"/> null) or edit page: the form and the parents it may choose.</summary>
    public async Task<OrganizationFormPage> FormPageAsync(Organization? current, OrganizationForm form, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var excluded = current is null ? [] : OrganizationTree.SelfAndDescendants(all, current.Id);
        var parents = OrganizationTree.Flatten(all).Where(i => !excluded.Contains(i.Organization.Id))
            .Select(i => new ParentOption(i.Organization.Id,
                new string('　', i.Depth) + i.Organization.Name + (i.Organization.IsActive ? "" : "（已停用）")))
            .ToList();
        var inactive = current?.Contacts.Where(c => !c.IsActive).Select(c => c.Email).ToList() ?? [];
        return new OrganizationFormPage(current?.Id, current?.Name, current?.IsActive ?? true, form, parents, inactive)
        {
            SelfChanges = current is null ? [] : await members.ChangesAsync(current.Id, 20, ct),
            Contacts = current?.Contacts.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => new ContactLine(c.Id, c.Email, c.UnsubscribedAt, c.StoppedAt)).ToList() ?? [],
        };
    }

    /// <summary>Checks the form against the rules and the other organisations: the state to save, or null and the errors by form field.</summary>
    public static (OrganizationState? Target, IReadOnlyList<(string Key, string Message)> Errors) Check(
        Organization? current, OrganizationForm form, IReadOnlyList<Organization> all)
    {
        var errors = new List<(string Key, string Message)>();
        var name = (form.Name ?? "").Trim();
        if (name.Length > 0 && all.Any(o => o.Name == name && o.Id != current?.Id))
        {
            errors.Add(("Form.Name", NameTaken(name)));
        }

        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add(("Form.Kind", "请选择类型。"));
        }

        if (!Enum.IsDefined(form.SendStatus) || !Enum.IsDefined(form.DistributeStatus))
        {
            errors.Add(("", "名单状态只能是正常或暂停。"));
        }

        var parent = form.ParentId is { } parentId ? all.FirstOrDefault(o => o.Id == parentId) : null;
        if (form.ParentId is not null && parent is null)
        {
            errors.Add(("Form.ParentId", "所选的上级单位不存在。"));
        }
        else if (parent is not null && current is not null && OrganizationTree.SelfAndDescendants(all, current.Id).Contains(parent.Id))
        {
            errors.Add(("Form.ParentId", "上级单位不能是这个单位自己或它的下级单位。"));
        }

        var emails = EmailList.Parse(form.Emails);
        if (!emails.Succeeded)
        {
            errors.AddRange(emails.Errors.Select(e => ("Form.Emails", e)));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new OrganizationState(name, form.Kind, parent?.Name, form.SortOrder, current?.IsActive ?? true, emails.Value!,
            form.Send ? new MembershipState(form.SendStatus, form.SendOrder) : null,
            form.Distribute ? new MembershipState(form.DistributeStatus, form.DistributeOrder) : null) { ContactLimit = form.ContactLimit }, errors);
    }

    /// <summary>
    /// Saves a new organisation and its audit entry in one transaction; refused (Invalid) when another organisation took
    /// the name between the form's check and this save.
    /// </summary>
    public async Task<Outcome> CreateAsync(OrganizationState target, int? parentId, Actor actor, CancellationToken ct)
    {
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var organization = new Organization { Name = target.Name, CreatedAt = now };
                var parent = parentId is { } id ? await db.Organizations.FindAsync([id], ct) : null;
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
            return Outcome.Invalid(NameTaken(target.Name));
        }

        return Outcome.Done;
    }

    /// <summary>
    /// Saves the changes from <paramref name="organization"/> (tracked, as loaded) to <paramref name="target"/>, audited.
    /// Done with whether anything changed; Invalid when the name is taken; Conflict when someone saved it meanwhile.
    /// </summary>
    public async Task<Outcome<bool>> UpdateAsync(
        Organization organization, OrganizationState target, int? parentId, IReadOnlyList<Organization> all, Actor actor, CancellationToken ct)
    {
        var before = OrganizationState.Of(organization, all.FirstOrDefault(o => o.Id == organization.ParentId)?.Name);
        var changes = OrganizationState.Changes(before, target);
        if (changes.Count == 0)
        {
            return Outcome.Ok(false);
        }

        var parent = parentId is { } id ? await db.Organizations.FindAsync([id], ct) : null;
        target.WriteTo(organization, parent, db, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, Entity, organization.Id, "修改单位", detail: $"{before.Name}：" + string.Join("；", changes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The name, or (when two administrators save the same organisation at once) one of its addresses or lists.
            db.ChangeTracker.Clear();
            return await db.Organizations.AnyAsync(o => o.Name == target.Name && o.Id != organization.Id, ct)
                ? Outcome<bool>.Invalid(NameTaken(target.Name))
                : Outcome<bool>.Refused(Outcome.Conflict(ChangedMeanwhile));
        }

        return Outcome.Ok(true);
    }

    /// <summary>
    /// 停用 or 启用, audited; null when there is no such organisation. A deactivated organisation stays in the tree
    /// (greyed) and keeps its history; it gets no more issues.
    /// </summary>
    public async Task<Organization?> SetActiveAsync(int id, bool active, Actor actor, CancellationToken ct)
    {
        var organization = await db.Organizations.FindAsync([id], ct);
        if (organization is not null && organization.IsActive != active)
        {
            organization.IsActive = active;
            audit.Record(actor, Entity, organization.Id, active ? "启用单位" : "停用单位",
                OrganizationState.StatusName(!active), OrganizationState.StatusName(active), detail: organization.Name);
            await db.SaveChangesAsync(ct);
        }

        return organization;
    }

    private static OrganizationRow Row(TreeItem item)
    {
        var o = item.Organization;
        return new OrganizationRow(o.Id, o.Name, Organization.KindName(o.Kind), item.Depth, o.IsActive,
            o.Contacts.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Email).ToList(),
            o.Memberships.OrderBy(m => m.Group)
                .Select(m => $"{GroupMembership.GroupName(m.Group)}：{MembershipState.StatusName(m.Status)}").ToList())
        {
            NotReceiving = o.Contacts.Where(c => c.IsActive && !c.Receives).DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(c => c.Email, c => c.UnsubscribedAt is not null ? "已退订" : "退信停发", StringComparer.OrdinalIgnoreCase),
        };
    }
}
