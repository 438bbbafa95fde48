using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Newsletter.LoadBench;

/// <summary>
/// The published portal as a child process (<c>dotnet Newsletter.Web.dll</c>, Production, 127.0.0.1), its output
/// in <c>portal.out</c> beside the data folder. The shell only redirects and then execs, so the pid is the portal's.
/// </summary>
public sealed class Portal : IAsyncDisposable
{
    private readonly Process process;

    private readonly Stopwatch sinceStart;

    private Portal(Process process, string url, Stopwatch sinceStart)
    {
        this.process = process;
        this.sinceStart = sinceStart;
        Url = url;
    }

    public string Url { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts the portal and waits for the first 200 of <c>/</c>; returns it with the time that took.</summary>
    public static async Task<(Portal Portal, TimeSpan FirstPage)> StartAsync(
        string publishFolder, string dataFolder, IReadOnlyDictionary<string, string> settings, string outputFile)
    {
        var port = Newsletter.IntegrationTests.Ports.Free();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec dotnet Newsletter.Web.dll --urls {url} >>'{outputFile}' 2>&1" },
            WorkingDirectory = publishFolder,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataPath"] = dataFolder;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var watch = Stopwatch.StartNew();
        var portal = new Portal(Process.Start(start)!, url, watch);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (portal.HasExited)
            {
                throw new InvalidOperationException($"the portal exited with code {portal.process.ExitCode}; see {outputFile}");
            }

            try
            {
                using var response = await client.GetAsync(url + "/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (portal, watch.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        await portal.DisposeAsync();
        throw new TimeoutException($"no 200 from {url}/ within 3 minutes; see {outputFile}");
    }

    /// <summary>
    /// Waits (at most three minutes) until /healthz reports this node's search index as built (the portal serves
    /// pages while it builds a missing one); returns the time from process start.
    /// </summary>
    public async Task<TimeSpan> SearchReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (sinceStart.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(Url + "/healthz"));
                if (health.RootElement.GetProperty("checks").GetProperty("search").GetProperty("status").GetString() == "Healthy")
                {
                    return sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the search index of {Url} was not built within 3 minutes");
    }

    /// <summary>Resident set size (VmRSS) in MB, from /proc.</summary>
    public double RssMb()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    /// <summary>
    /// Waits (at most a minute) until the portal uses less than a tenth of a core over a second, so that requests a
    /// previous wrk run left queued (slow searches) do not spill into the next measurement.
    /// </summary>
    public async Task SettleAsync()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            var before = CpuSeconds();
            await Task.Delay(1000);
            if (CpuSeconds() - before < 0.1)
            {
                return;
            }
        }
    }

    /// <summary>User plus system CPU time of the process (fields 14 and 15 of /proc/pid/stat, in 1/100 s).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Stops the portal with SIGTERM (a graceful shutdown), killing it if it has not gone after 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        process.Dispose();
    }
}
