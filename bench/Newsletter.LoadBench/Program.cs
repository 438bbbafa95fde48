// Load benchmark and soak of the published portal, run by hand (see bench/README.md):
//   dotnet run -c Release --project bench/Newsletter.LoadBench                      # load benchmark
//   dotnet run -c Release --project bench/Newsletter.LoadBench -- search                # only the ceiling and uncached searches
//   dotnet run -c Release --project bench/Newsletter.LoadBench -- soak [--duration 10m]
//   dotnet run -c Release --project bench/Newsletter.LoadBench -- media [--picture photo.jpg]  # a stored picture vs the same bytes as a static file
// Prints a table and each target with PASS/FAIL; exit code 0 when every target is met, 1 otherwise.
using Newsletter.IntegrationTests;
using Newsletter.LoadBench;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var options = Options.Parse(args);
if (!File.Exists("/usr/bin/wrk"))
{
    Console.Error.WriteLine("wrk is missing: apt-get install -y wrk (bench/load.sh does it)");
    return 2;
}

if (options.Mode is "load" or "search")
{
    await using var setup = await Setup.PrepareAsync(options, new Dictionary<string, string>());
    return await LoadRun.RunAsync(options, setup) ? 0 : 1;
}

if (options.Mode == "media")
{
    await using var setup = await Setup.PrepareAsync(options, new Dictionary<string, string>());
    return await MediaRun.RunAsync(options, setup) ? 0 : 1;
}

await using var smtp = new TestSmtpServer();
await using (var soak = await Setup.PrepareAsync(options, new Dictionary<string, string>
{
    ["Mail:Smtp:Host"] = "127.0.0.1",
    ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Mail:Smtp:Security"] = "None",
}))
{
    return await SoakRun.RunAsync(options, soak, smtp) ? 0 : 1;
}
