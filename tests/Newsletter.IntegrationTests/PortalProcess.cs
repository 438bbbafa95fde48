using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newsletter.UnitTests;

namespace Newsletter.IntegrationTests;

/// <summary>
/// The portal as an operating-system process of its own — <c>dotnet Newsletter.Web.dll</c> from this test's build
/// output, in Production, on 127.0.0.1 and a free port — for what an in-process host cannot show: a SIGKILL, and
/// the command-line verbs run beside a live portal.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private static readonly string WebDll = Path.Combine(AppContext.BaseDirectory, "Newsletter.Web.dll");
    private static readonly string ProjectFolder = Path.Combine(Path.GetDirectoryName(SeedFiles.Folder)!, "src", "Newsletter.Web");

    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(ProcessStartInfo info, Uri address)
    {
        Address = address;
        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>What the process wrote (its log), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the portal on the data folder and waits until /healthz reports it healthy (database and search index).</summary>
    public static async Task<PortalProcess> StartAsync(string dataPath, IReadOnlyDictionary<string, string?> settings)
    {
        var port = Ports.Free();
        var address = new Uri($"http://127.0.0.1:{port}");
        var portal = new PortalProcess(StartInfo(dataPath, settings, [], address), address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 600; i++)
        {
            if (portal.process.HasExited)
            {
                break;
            }

            try
            {
                var health = await client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK
                    && System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() == "Healthy")
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var log = portal.Output;
        portal.Dispose();
        throw new InvalidOperationException("The portal process did not start:\n" + log);
    }

    /// <summary>Runs a command-line verb (<c>backup</c>, <c>restore</c> …) on the data folder; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string dataPath, params string[] args)
    {
        using var verb = new PortalProcess(StartInfo(dataPath, new Dictionary<string, string?>(), args, null), new Uri("http://127.0.0.1"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await verb.process.WaitForExitAsync(timeout.Token);
        verb.process.WaitForExit(); // the output's last lines
        return (verb.process.ExitCode, verb.Output);
    }

    /// <summary>A browser for this process: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = Address,
        };

    /// <summary>SIGKILL: no shutdown code runs, open files and transactions are left as they are.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static ProcessStartInfo StartInfo(string dataPath, IReadOnlyDictionary<string, string?> settings, string[] args, Uri? address)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WebDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = address?.ToString() ?? "http://127.0.0.1:0";
        info.Environment["DataPath"] = dataPath;
        info.Environment["Seed__IssuesPath"] = SeedFiles.Folder;
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true"; // see PortalFactory: no inotify instance per portal
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }
}
