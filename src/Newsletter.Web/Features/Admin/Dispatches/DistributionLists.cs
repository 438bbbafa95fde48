using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// The 送 and 发 lists as they are now: the footer lines printed with an issue (stored with it at
/// publication, never rewritten) and the recipients of its dispatch (a snapshot of each address).
/// </summary>
public sealed class DistributionLists(NewsletterDbContext db, TimeProvider clock)
{
    private IQueryable<GroupMembership> Active(DistributionGroup group) =>
        db.GroupMemberships.Include(m => m.Organization).ThenInclude(o => o!.Contacts)
            .Where(m => m.Group == group && m.Status == MembershipStatus.Active && m.Organization!.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Organization!.SortOrder).ThenBy(m => m.Organization!.Name);

    /// <summary>送：A、B、C。 — null when the group has no active member (the editor's own text then stays).</summary>
    public async Task<string?> FooterLineAsync(DistributionGroup group)
    {
        var names = await Active(group).Select(m => m.Organization!.Name).ToListAsync();
        return names.Count == 0 ? null : string.Join("、", names) + "。";
    }

    /// <summary>Adds to the unit of work a dispatch with one recipient per active address (an address in both lists once, in 送).</summary>
    public async Task<Dispatch?> CreateDispatchAsync(Issue issue, string subject, string createdBy)
    {
        var recipients = new List<DispatchRecipient>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in new[] { DistributionGroup.Send, DistributionGroup.Distribute })
        {
            foreach (var membership in await Active(group).ToListAsync())
            {
                foreach (var contact in membership.Organization!.Contacts.Where(c => c.IsActive))
                {
                    if (recipients.Any(r => string.Equals(r.Email, contact.Email, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    recipients.Add(new DispatchRecipient
                    {
                        OrganizationId = membership.OrganizationId, OrganizationName = membership.Organization.Name,
                        Email = contact.Email, Group = group, Status = DeliveryStatus.Pending, NextAttemptAt = now,
                    });
                }
            }
        }

        if (recipients.Count == 0)
        {
            return null;
        }

        var dispatch = new Dispatch { Issue = issue, IssueId = issue.Id, Subject = subject, CreatedAt = now, CreatedBy = createdBy, Recipients = recipients };
        db.Dispatches.Add(dispatch);
        return dispatch;
    }
}
