using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newsletter.UnitTests;
using Newsletter.Web.Data;

namespace Newsletter.IntegrationTests;

/// <summary>
/// The real portal in-process, on a fresh data folder: a real SQLite file built by the migrations,
/// with the seed issue 总第65期 imported at start-up as in production.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// The hosts' file providers (wwwroot, asset fingerprints) poll instead of taking an inotify instance each: the
    /// machine-wide limit (128 per user on Debian) is shared with every other process, so a test run beside another
    /// (a second test run, an IDE) failed hundreds of pages with "user limit on the number of inotify instances".
    /// </summary>
    static PortalFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public string DataPath { get; init; } = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));

    public string SeedsPath { get; init; } = SeedFiles.Folder;

    public bool DeleteDataOnDispose { get; init; } = true;

    /// <summary>Set when the portal was started on Kestrel: test clients then send their requests there, not to the in-memory server.</summary>
    public Uri? KestrelAddress { get; set; }

    /// <summary>Extra configuration, as a deployer would set it.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>EF Core interceptors added to the portal's database context (e.g. one playing a second administrator).</summary>
    public IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> DbInterceptors { get; init; } = [];

    /// <summary>
    /// Whether starting waits until the portal's search index is built, as a reader returning a few seconds after a
    /// start would find it (the portal serves pages while it builds a missing index in the background).
    /// </summary>
    public bool WaitForSearchIndex { get; init; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataPath"] = DataPath,
            ["Seed:IssuesPath"] = SeedsPath,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Dozens of test hosts: no file watchers on appsettings (each costs an inotify instance).
            ["hostBuilder:reloadConfigOnChange"] = "false",
            // Every test client comes from 127.0.0.1 and tests sign in and search far more often than people do:
            // the limits are off unless a test (RateLimitTests) sets them.
            ["RateLimits:SignInPerMinute"] = "0",
            ["RateLimits:SearchPerMinute"] = "0",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, RemoteAddressFilter>();
            if (DbInterceptors.Count > 0)
            {
                services.ConfigureDbContext<SqliteNewsletterDbContext>(o => o.AddInterceptors(DbInterceptors));
            }
        });
        var host = base.CreateHost(builder);
        if (WaitForSearchIndex)
        {
            var index = host.Services.GetRequiredService<Newsletter.Web.Features.Search.ISearchIndex>();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!index.Exists)
            {
                if (waited.Elapsed > TimeSpan.FromMinutes(1))
                {
                    throw new TimeoutException("The portal did not build its search index within a minute.");
                }

                Thread.Sleep(20);
            }
        }

        return host;
    }

    public async Task<T> WithDbAsync<T>(Func<NewsletterDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsletterDbContext>());
    }

    private bool keepData;

    /// <summary>Stops the portal as a process stop would (its index lock released), keeping its data folder for a restart.</summary>
    public void Stop()
    {
        keepData = true;
        Dispose();
        keepData = false;
    }

    /// <summary>
    /// Removes a temporary data folder. Another portal of the same test may still be writing into it (a second node
    /// on this node's database keeps its -wal file here until it stops): retry briefly, then leave it to the OS.
    /// </summary>
    private static void DeleteFolder(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(200);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDataOnDispose && !keepData && Directory.Exists(DataPath))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DeleteFolder(DataPath);
        }
    }
}

/// <summary>
/// The in-memory test server has no socket, so no client address; Kestrel always has one.
/// Give requests the loopback address a local browser would have.
/// </summary>
internal sealed class RemoteAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

[CollectionDefinition(Name)]
public sealed class SharedPortal : ICollectionFixture<PortalFactory>
{
    public const string Name = "Shared portal with the seed issue";
}
