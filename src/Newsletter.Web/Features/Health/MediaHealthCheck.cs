using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsletter.Web.Data;
using Newsletter.Web.Features.Media;

namespace Newsletter.Web.Features.Health;

/// <summary>
/// For /healthz: whether every picture and attachment row has its files (existence only, never hashing). Degraded
/// when some are missing: pages still work, those pictures do not. The walk is kept for a minute, so a monitor
/// polling every few seconds does not stat every file each time.
/// </summary>
public sealed class MediaHealthCheck(NewsletterDbContext db, MediaStore store, MediaHealthCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var report = await cache.GetAsync(() => MediaVerify.RunAsync(db, store, ct));
        var data = new Dictionary<string, object>
        {
            ["rows"] = report.Rows,
            ["folders"] = report.Folders,
            ["rowsWithoutFiles"] = report.Missing.Count,
            ["foldersWithoutRows"] = report.Orphans.Count,
        };
        return report.Missing.Count == 0
            ? HealthCheckResult.Healthy("图片和附件的文件齐全", data)
            : HealthCheckResult.Degraded($"有 {report.Missing.Count} 个图片或附件缺少文件（运行 media verify 查看）", data: data);
    }
}

/// <summary>The last media walk and when it was made, kept for <see cref="Lifetime"/>.</summary>
public sealed class MediaHealthCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (MediaVerifyReport Report, DateTimeOffset At)? last;

    public async Task<MediaVerifyReport> GetAsync(Func<Task<MediaVerifyReport>> walk)
    {
        await gate.WaitAsync();
        try
        {
            if (last is not { } kept || clock.GetUtcNow() - kept.At >= Lifetime)
            {
                kept = (await walk(), clock.GetUtcNow());
                last = kept;
            }

            return kept.Report;
        }
        finally
        {
            gate.Release();
        }
    }
}
