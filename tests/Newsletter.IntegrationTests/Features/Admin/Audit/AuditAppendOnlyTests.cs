using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Audit;

/// <summary>The audit log is append-only: the database context refuses to change or delete an entry.</summary>
public sealed class AuditAppendOnlyTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Entries_can_be_added_but_never_changed_or_deleted()
    {
        var id = await portal.WithDbAsync(async db =>
        {
            var entry = new AuditEntry { At = DateTime.UtcNow.AddDays(-200), UserName = "编辑甲", EntityType = "Issue", EntityId = "1", Action = "立即发布" };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

        var change = await portal.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id);
            entry.Action = "改写历史";
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });
        var delete = await portal.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        Assert.Contains("操作日志只能追加", change?.Message);
        Assert.Contains("操作日志只能追加", delete?.Message);
        var stored = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal("立即发布", stored.Action);
    }
}
