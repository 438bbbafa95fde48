using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Organizations;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>One choice of the 单位 select: indented by its depth in the tree (region → city → county).</summary>
public sealed record OrganizationOption(int Id, string Label);

/// <summary>A user's 单位 is chosen from the organisation tree, never typed: the active organisations in tree order.</summary>
public sealed class OrganizationChoices(NewsletterDbContext db)
{
    public const string Unknown = "所选单位不存在或已停用，请从列表中选择。";

    /// <summary>The active organisations in administrative order, plus <paramref name="current"/> when it was deactivated since.</summary>
    public async Task<IReadOnlyList<OrganizationOption>> ListAsync(int? current, CancellationToken ct)
    {
        var all = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var active = all.Where(o => o.IsActive || o.Id == current).ToList();
        return OrganizationTree.Flatten(active)
            .Select(i => new OrganizationOption(i.Organization.Id,
                new string('　', i.Depth) + i.Organization.Name + (i.Organization.IsActive ? "" : "（已停用）")))
            .ToList();
    }

    /// <summary>The organisation an id names when it may be chosen (active, or the account's own already), else null.</summary>
    public async Task<Organization?> FindAsync(int id, int? current, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && (o.IsActive || o.Id == current), ct);

    /// <summary>Active organisations by their exact name (the CSV's 单位 column); a name used twice maps to null.</summary>
    public async Task<Dictionary<string, Organization?>> ByNameAsync(CancellationToken ct) =>
        (await db.Organizations.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct))
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single() : null, StringComparer.Ordinal);
}
