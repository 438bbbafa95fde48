using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsletter.Web.Features.Search;

namespace Newsletter.Web.Features.Health;

/// <summary>For /healthz: whether this node's search index is built (Degraded while the first build runs).</summary>
public sealed class SearchIndexHealthCheck(ISearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!index.Exists)
        {
            return Task.FromResult(HealthCheckResult.Degraded("检索索引正在建立"));
        }

        var data = new Dictionary<string, object> { ["documents"] = index.DocumentCount, ["position"] = index.Position };
        return Task.FromResult(HealthCheckResult.Healthy("检索索引正常", data));
    }
}
