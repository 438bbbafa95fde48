using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsletter.Web.Data;

namespace Newsletter.Web.Features.Health;

/// <summary>For /healthz: the database answers, its migrations are all applied, and how many issues it holds.</summary>
public sealed class DatabaseHealthCheck(NewsletterDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                return HealthCheckResult.Unhealthy("无法连接数据库");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            var data = new Dictionary<string, object>
            {
                ["provider"] = db.Database.ProviderName ?? "",
                ["pendingMigrations"] = pending,
                ["issues"] = await db.Issues.CountAsync(ct),
            };
            return pending == 0
                ? HealthCheckResult.Healthy("数据库正常", data)
                : HealthCheckResult.Degraded($"有 {pending} 个迁移尚未应用", data: data);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("数据库出错：" + ex.Message, ex);
        }
    }
}
