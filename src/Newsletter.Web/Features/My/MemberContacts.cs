using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Admin.Organizations;

namespace Newsletter.Web.Features.My;

/// <summary>
/// A 会员单位 account keeps its own organisation's addresses: add, correct, remove (deactivate, history kept), at most
/// <see cref="Organization.ContactLimit"/> active ones. Every change is audited on the organisation with an action
/// starting 本单位, which the organisation's edit page lists for the administrators. Only the account's own
/// organisation is ever loaded, so an id of another organisation's address is simply not found.
/// </summary>
public sealed class MemberContacts(NewsletterDbContext db, AuditLog audit)
{
    /// <summary>Audit actions of changes made by the organisation itself start so.</summary>
    public const string ActionPrefix = "本单位";

    public const string MissingContact = "本单位没有这个邮箱。";

    /// <summary>The account's organisation (tracked, with all its addresses), or null when the account has none.</summary>
    public async Task<Organization?> OrganizationOfAsync(string? userId, CancellationToken ct)
    {
        var organizationId = await db.Users.Where(u => u.Id == userId).Select(u => u.OrganizationId).FirstOrDefaultAsync(ct);
        return organizationId is { } id
            ? await db.Organizations.Include(o => o.Contacts).Include(o => o.Parent).FirstOrDefaultAsync(o => o.Id == id, ct)
            : null;
    }

    public async Task<Outcome> AddAsync(Organization organization, MemberContactForm form, Actor actor, CancellationToken ct)
    {
        var (email, name) = (form.Email.Trim(), Name(form.Name));
        if (Check(organization, email, exceptId: null) is { } refused)
        {
            return refused;
        }

        if (organization.Contacts.Count(c => c.IsActive) >= organization.ContactLimit)
        {
            return Outcome.Invalid($"本单位最多保留 {organization.ContactLimit} 个邮箱，请先删除一个再添加。如需更多，请联系管理员。");
        }

        Reactivate(organization, email, name);
        audit.Record(actor, OrganizationService.Entity, organization.Id, ActionPrefix + "添加邮箱", detail: $"{organization.Name}：{Show(email, name)}");
        return await SaveAsync(ct);
    }

    /// <summary>A new address replaces the old one (deactivated, so each address keeps its own delivery history); a new name is written in place.</summary>
    public async Task<Outcome> CorrectAsync(Organization organization, int contactId, MemberContactForm form, Actor actor, CancellationToken ct)
    {
        if (organization.Contacts.FirstOrDefault(c => c.Id == contactId && c.IsActive) is not { } contact)
        {
            return Outcome.NotFound(MissingContact);
        }

        var (email, name) = (form.Email.Trim(), Name(form.Name));
        if (string.Equals(email, contact.Email, StringComparison.OrdinalIgnoreCase) && name == contact.Name)
        {
            return Outcome.Done;
        }

        if (Check(organization, email, exceptId: contact.Id) is { } refused)
        {
            return refused;
        }

        var before = Show(contact.Email, contact.Name);
        if (string.Equals(email, contact.Email, StringComparison.OrdinalIgnoreCase))
        {
            contact.Name = name;
        }
        else
        {
            contact.IsActive = false;
            Reactivate(organization, email, name);
        }

        audit.Record(actor, OrganizationService.Entity, organization.Id, ActionPrefix + "修改邮箱", detail: $"{organization.Name}：{before} → {Show(email, name)}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome> RemoveAsync(Organization organization, int contactId, Actor actor, CancellationToken ct)
    {
        if (organization.Contacts.FirstOrDefault(c => c.Id == contactId && c.IsActive) is not { } contact)
        {
            return Outcome.NotFound(MissingContact);
        }

        contact.IsActive = false;
        audit.Record(actor, OrganizationService.Entity, organization.Id, ActionPrefix + "删除邮箱", detail: $"{organization.Name}：{Show(contact.Email, contact.Name)}");
        return await SaveAsync(ct);
    }

    /// <summary>The changes an organisation made itself, newest first, for its edit page.</summary>
    public async Task<List<AuditEntry>> ChangesAsync(int organizationId, int count, CancellationToken ct)
    {
        var id = organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == OrganizationService.Entity && e.EntityId == id && e.Action.StartsWith(ActionPrefix))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(count).ToListAsync(ct);
    }

    private static Outcome? Check(Organization organization, string email, int? exceptId)
    {
        if (!EmailList.IsValid(email))
        {
            return Outcome.Invalid($"邮箱“{email}”格式不正确，请填写如 office@example.cn 的地址。");
        }

        return organization.Contacts.Any(c => c.IsActive && c.Id != exceptId && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))
            ? Outcome.Invalid($"本单位已有邮箱“{email}”。")
            : null;
    }

    /// <summary>An address removed before comes back (with its own history); otherwise a new one.</summary>
    private static void Reactivate(Organization organization, string email, string? name)
    {
        if (organization.Contacts.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)) is { } old)
        {
            old.IsActive = true;
            old.Name = name;
            return;
        }

        organization.Contacts.Add(new OrganizationContact { Email = email, Name = name });
    }

    private async Task<Outcome> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict("在您修改期间，别人也修改了本单位的邮箱，您的修改没有保存。请核对后重新提交。");
        }
    }

    private static string? Name(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    private static string Show(string email, string? name) => name is null ? email : $"{email}（{name}）";
}
