using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Newsletter.LoadBench;

/// <summary>What wrk reported for one run.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors, string Output)
{
    public long Errors => Non2xx + SocketErrors;
}

/// <summary>Runs Debian's wrk and reads its <c>--latency</c> report.</summary>
public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string url, int threads, int connections, TimeSpan duration, string? script = null, string timeout = "2s")
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", timeout })
        {
            start.ArgumentList.Add(argument);
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (process.ExitCode != 0 || !text.Contains("Requests/sec:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk failed (exit {process.ExitCode}):\n{text}");
        }

        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        var socket = SocketErrors().Match(text);
        var socketErrors = socket.Success
            ? Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture))
            : 0;
        var non2xx = Non2xx().Match(text);
        return new WrkResult(
            Number(RequestsPerSecond().Match(text).Groups[1].Value),
            Percentile(text, "50%"),
            Percentile(text, "99%"),
            long.Parse(Requests().Match(text).Groups[1].Value, CultureInfo.InvariantCulture),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors,
            text);
    }

    /// <summary>"    99%   12.34ms" in the latency distribution, in milliseconds.</summary>
    private static double Percentile(string text, string which)
    {
        var match = Regex.Match(text, @"^\s+" + Regex.Escape(which) + @"\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"no {which} latency in wrk's output:\n{text}");
        }

        var value = Number(match.Groups[1].Value);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
