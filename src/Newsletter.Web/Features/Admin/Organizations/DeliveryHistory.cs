using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>One address of one dispatch, as the organisation's history shows it.</summary>
public sealed record DeliveryLine(
    int DispatchId, string IssueLabel, bool IsResend, DistributionGroup Group, string Email, DeliveryStatus Status, DateTime CreatedAt, DateTime? SentAt, string? Reason);

/// <summary>An organisation's 接收记录: newest dispatch first; <paramref name="LinkDispatches"/> for administrators only.</summary>
public sealed record DeliveryHistoryPage(int OrganizationId, string OrganizationName, IReadOnlyList<DeliveryLine> Lines, bool LinkDispatches = true);

/// <summary>
/// 接收记录: what was sent to one organisation — every issue (and every 补发), every address, its state and time — read
/// from the dispatches' recipient rows, which keep the organisation's id even when it was renamed since.
/// </summary>
public sealed class DeliveryHistory(NewsletterDbContext db)
{
    public async Task<DeliveryHistoryPage?> ForAsync(int organizationId, CancellationToken ct)
    {
        var name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return null;
        }

        var rows = await db.DispatchRecipients.AsNoTracking().Where(r => r.OrganizationId == organizationId)
            .Join(db.Dispatches, r => r.DispatchId, d => d.Id, (r, d) => new { r, d.Subject, d.CreatedAt, d.IssueId })
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.r.DispatchId).ThenBy(x => x.r.Email)
            .Take(1000).ToListAsync(ct);
        var issueIds = rows.Select(x => x.IssueId).Distinct().ToList();
        var labels = (await db.Issues.AsNoTracking().Where(i => issueIds.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => i.Id, i => i.FullLabel);
        var lines = rows.Select(x => new DeliveryLine(
            x.r.DispatchId, labels[x.IssueId], x.Subject.StartsWith(Dispatch.ResendPrefix, StringComparison.Ordinal),
            x.r.Group, x.r.Email, x.r.Status, x.CreatedAt, x.r.SentAt, x.r.LastError)).ToList();
        return new DeliveryHistoryPage(organizationId, name, lines);
    }
}
