using System.Diagnostics;

namespace Newsletter.LoadBench;

/// <summary>
/// Everything before the load: the portal published in Release, a fresh data folder holding the synthetic archive,
/// a first start (which builds the search index) and a restart, the one that is measured and loaded.
/// </summary>
public sealed class Setup : IAsyncDisposable
{
    private Setup(string root, Portal portal, ArchiveFacts facts, TimeSpan firstStart, TimeSpan restart, string adminPassword)
    {
        Root = root;
        Portal = portal;
        Facts = facts;
        FirstStart = firstStart;
        Restart = restart;
        AdminPassword = adminPassword;
    }

    public string Root { get; }

    public Portal Portal { get; }

    public ArchiveFacts Facts { get; }

    /// <summary>Process start to the first 200 of / on the fresh data folder (migrations checked; the index builds meanwhile).</summary>
    public TimeSpan FirstStart { get; }

    /// <summary>Process start to /healthz reporting the fresh data folder's search index as built.</summary>
    public TimeSpan FirstSearchReady { get; init; }

    /// <summary>Process start to the first 200 of / when the portal starts again on its data folder.</summary>
    public TimeSpan Restart { get; }

    public string AdminPassword { get; }

    /// <summary>The published portal (its <c>wwwroot</c> is served as static files).</summary>
    public required string PublishFolder { get; init; }

    public string DataFolder => Path.Combine(Root, "data");

    public bool Keep { get; set; }

    public static async Task<Setup> PrepareAsync(Options options, IReadOnlyDictionary<string, string> extraSettings)
    {
        var root = Directory.CreateTempSubdirectory("load-bench-").FullName;
        var publish = options.Publish ?? Path.Combine(root, "publish");
        if (options.Publish is null)
        {
            Log($"dotnet publish src/Newsletter.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o {publish}");
            await PublishAsync(publish);
        }

        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        Log($"writing {options.Articles} synthetic articles (seed {options.Seed}) into {data}/newsletter.db");
        var facts = await ArchiveWriter.WriteAsync(Path.Combine(data, "newsletter.db"), options.Articles, options.Seed);
        Log($"archive: {facts.Issues} issues ({facts.PublicIssues} public), {facts.Articles} articles, {facts.Recipients} addresses in 送/发");

        var adminPassword = Newsroom.NewPassword();
        var settings = new Dictionary<string, string>
        {
            ["Seed:ImportOnStart"] = "false",
            ["Seed:AdminEmail"] = Newsroom.AdminEmail,
            ["Seed:AdminPassword"] = adminPassword,
            // The search and sign-in rate limits would turn a load test into a test of the limiter: off.
            ["RateLimits:SearchPerMinute"] = "0",
            ["RateLimits:SignInPerMinute"] = "0",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        var output = Path.Combine(root, "portal.out");
        var (first, firstStart) = await Portal.StartAsync(publish, data, settings, output);
        var firstSearch = await first.SearchReadyAsync();
        Log($"first start (fresh data folder): first 200 of / after {firstStart.TotalSeconds:F2} s, search index built after {firstSearch.TotalSeconds:F2} s");
        await first.DisposeAsync();
        var (portal, restart) = await Portal.StartAsync(publish, data, settings, output);
        await portal.SearchReadyAsync();
        Log($"restart: first 200 of / after {restart.TotalSeconds:F2} s; portal pid {portal.Pid} at {portal.Url}; output in {output}");
        return new Setup(root, portal, facts, firstStart, restart, adminPassword) { Keep = options.Keep, FirstSearchReady = firstSearch, PublishFolder = publish };
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Keep)
        {
            Log($"kept {Root}");
        }
        else
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static async Task PublishAsync(string output)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Newsletter.Web");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        // As deployed (see Dockerfile): ReadyToRun, so the first page after a start does not wait for the JIT.
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true",
            "-o", output, "-nologo", "-v", "quiet",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + text);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Newsletter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Newsletter.sln not found above " + AppContext.BaseDirectory);
    }
}
