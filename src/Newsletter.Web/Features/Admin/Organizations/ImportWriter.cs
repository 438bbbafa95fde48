using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// Writes an import in one transaction, every 新增 and 修改 line with an audit entry each; if anything fails, nothing is
/// kept. The plan is made before the transaction, so SQLite's write lock (which every other save waits for) is held only
/// for the writing: inside, the organisations are read again and the plan is made again only if they changed meanwhile.
/// </summary>
public sealed class ImportWriter(NewsletterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ImportPlan> ApplyAsync(IReadOnlyList<CsvLine> lines, Actor actor, CancellationToken ct)
    {
        var seen = await db.Organizations.AsNoTracking().Include(o => o.Contacts).Include(o => o.Memberships).AsSplitQuery().ToListAsync(ct);
        var planned = ImportPlanner.Plan(lines, seen);
        ImportPlan plan = new([]);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var organizations = await db.Organizations.Include(o => o.Contacts).Include(o => o.Memberships).AsSplitQuery().ToListAsync(ct);
            plan = Fingerprint(organizations) == Fingerprint(seen) ? planned : ImportPlanner.Plan(lines, organizations);
            var now = clock.GetUtcNow().UtcDateTime;
            var byName = organizations.ToDictionary(o => o.Name, StringComparer.Ordinal);
            var written = plan.Rows.Where(r => r.Outcome is RowOutcome.Added or RowOutcome.Changed).ToList();
            foreach (var row in written.Where(r => r.Outcome == RowOutcome.Added))
            {
                var organization = new Organization { Name = row.Name, CreatedAt = now };
                db.Organizations.Add(organization);
                byName[row.Name] = organization;
            }

            foreach (var row in written)
            {
                var target = row.Target!;
                target.WriteTo(byName[row.Name], target.ParentName is { } parent ? byName[parent] : null, db, now);
            }

            await db.SaveChangesAsync(ct);
            foreach (var row in written)
            {
                var what = row.Outcome == RowOutcome.Added ? "新增" : "修改";
                audit.Record(actor, "Organization", byName[row.Name].Id, "导入单位",
                    detail: $"{row.Name}（第{row.Line}行，{what}）：" + string.Join("；", row.Notes));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return plan;
    }

    /// <summary>Everything about the organisations that the plan depends on, as one string to compare.</summary>
    private static string Fingerprint(IEnumerable<Organization> organizations) => string.Join("\n", organizations.OrderBy(o => o.Id).Select(o =>
        string.Join("|", o.Id.ToString(CultureInfo.InvariantCulture), o.Name, o.Kind, o.ParentId, o.SortOrder, o.IsActive,
            string.Join(",", o.Contacts.OrderBy(c => c.Id).Select(c => $"{c.Email}:{c.IsActive}")),
            string.Join(",", o.Memberships.OrderBy(m => m.Group).Select(m => $"{m.Group}:{m.Status}:{m.SortOrder}")))));
}
