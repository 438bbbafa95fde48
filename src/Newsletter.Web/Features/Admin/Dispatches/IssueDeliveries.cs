using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// An issue's dispatches with their counts, for the issue's own page: the chief editor who published sees what went out
/// (已发送 14 / 失败 0) without the administrators' 发送记录, which only administrators may open.
/// </summary>
public static class IssueDeliveries
{
    public static async Task<IReadOnlyList<DispatchSummary>> OfIssueAsync(this NewsletterDbContext db, Issue issue)
    {
        var dispatches = await db.Dispatches.AsNoTracking().Where(d => d.IssueId == issue.Id).OrderBy(d => d.Id).ToListAsync();
        if (dispatches.Count == 0)
        {
            return [];
        }

        var ids = dispatches.Select(d => d.Id).ToList();
        var counts = await db.DispatchRecipients.Where(r => ids.Contains(r.DispatchId))
            .GroupBy(r => new { r.DispatchId, r.Status }).Select(g => new { g.Key.DispatchId, g.Key.Status, Count = g.Count() }).ToListAsync();
        return dispatches.Select(d => new DispatchSummary(d, issue.FullLabel,
            counts.Where(c => c.DispatchId == d.Id).ToDictionary(c => c.Status, c => c.Count))).ToList();
    }
}
