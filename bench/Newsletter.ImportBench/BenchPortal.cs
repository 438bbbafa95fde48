using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Newsletter.Web.Features.Search;

namespace Newsletter.ImportBench;

/// <summary>
/// The portal's own host in this process (all of Program.cs: its services, hosted services — the search indexer polling the
/// outbox, the batch worker — and the migrations on a SQLite file in a fresh data folder), without the seed import (the
/// generated issues start at 总第1期). Started when <see cref="WebApplicationFactory{T}.Services"/> is first read.
/// </summary>
public sealed class BenchPortal(string dataPath) : WebApplicationFactory<Program>
{
    /// <summary>The web project's folder (views, wwwroot), found from the repository rather than a test project's manifest.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseContentRoot(Path.Combine(Bench.RepositoryRoot, "src", "Newsletter.Web"));

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataPath"] = dataPath,
            ["Seed:ImportOnStart"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["hostBuilder:reloadConfigOnChange"] = "false",
        }));
        builder.UseEnvironment("Production");
        return base.CreateHost(builder);
    }

    /// <summary>Waits until the indexer has built the (empty) index of the fresh data folder, as a running portal has.</summary>
    public async Task<ISearchIndex> StartedAsync()
    {
        var index = (ISearchIndex)Services.GetService(typeof(ISearchIndex))!;
        while (!index.Exists)
        {
            await Task.Delay(50);
        }

        return index;
    }
}
