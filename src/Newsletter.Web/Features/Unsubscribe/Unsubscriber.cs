using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Admin.Dispatches;
using Newsletter.Web.Features.Admin.Organizations;
using Newsletter.Web.Features.Notifications;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Unsubscribe;

/// <summary>What the confirm and done pages say: which address, for which organisation, and whether it is already 已退订.</summary>
public sealed record UnsubscribePage(string Token, string Email, string? OrganizationName, bool Unsubscribed);

/// <summary>
/// Reads an unsubscribe link and applies it: every listed contact with the address becomes 已退订 (the mailbox's owner asked to
/// stop; one mail goes to an address however many organisations list it), audited as done by the recipient with their IP.
/// Idempotent: a second click changes nothing. Organisations left with no address that receives are reported to the administrators.
/// </summary>
public sealed class Unsubscriber(NewsletterDbContext db, UnsubscribeTokens tokens, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public async Task<UnsubscribePage?> PageAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } request)
        {
            return null;
        }

        var contacts = await ContactsAsync(request.Email, ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == request.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return new UnsubscribePage(token!, request.Email, name, contacts.Count > 0 && contacts.All(c => c.UnsubscribedAt is not null));
    }

    public async Task<UnsubscribePage?> UnsubscribeAsync(string? token, string? ipAddress, CancellationToken ct)
    {
        if (await PageAsync(token, ct) is not { } page)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = (await ContactsAsync(page.Email, ct)).Where(c => c.UnsubscribedAt is null).ToList();
        if (changed.Count == 0)
        {
            return page with { Unsubscribed = true };
        }

        var organizations = changed.Select(c => c.OrganizationId).Distinct().ToList();
        var emptyBefore = await AddressAlertBadgeViewComponent.WithoutAddress(db).Where(o => organizations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var actor = new Actor(null, "收件人本人（邮件中的退订链接）", new HashSet<string>(), ipAddress);
        foreach (var contact in changed)
        {
            contact.UnsubscribedAt = now;
            audit.Record(actor, OrganizationService.Entity, contact.OrganizationId, "退订邮箱", "正常", "已退订", detail: contact.Email);
        }

        await db.SaveChangesAsync(ct);
        var emptyNow = await AddressAlertBadgeViewComponent.WithoutAddress(db).Where(o => organizations.Contains(o.Id) && !emptyBefore.Contains(o.Id)).ToListAsync(ct);
        foreach (var organization in emptyNow)
        {
            await notifier.OrganizationWithoutAddressAsync(organization, $"{page.Email} 已退订", actor);
        }

        return page with { Unsubscribed = true };
    }

    private async Task<List<OrganizationContact>> ContactsAsync(string email, CancellationToken ct)
    {
        var lower = email.ToLowerInvariant();
        return await db.OrganizationContacts.Where(c => c.Email.ToLower() == lower).ToListAsync(ct);
    }
}
