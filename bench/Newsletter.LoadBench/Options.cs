using System.Globalization;

namespace Newsletter.LoadBench;

/// <summary>Command-line options: <c>load</c> (default), <c>soak</c> or <c>media</c>, then <c>--name value</c> pairs.</summary>
public sealed record Options(
    string Mode,
    int Articles,
    int Seed,
    int Connections,
    int Threads,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan PublishAt,
    string? Publish,
    bool Keep,
    string? Picture)
{
    public static Options Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "load";
        if (mode is not ("load" or "soak" or "media" or "search"))
        {
            throw new ArgumentException($"unknown mode '{mode}': load, soak, media or search");
        }

        var soak = mode == "soak";
        var duration = Seconds(Value(args, "--duration"), soak ? 600 : 15);
        return new Options(
            mode,
            Int(Value(args, "--articles"), 1000),
            Int(Value(args, "--seed"), 65),
            Int(Value(args, "--connections"), soak ? 64 : 32),
            Int(Value(args, "--threads"), 2),
            duration,
            Seconds(Value(args, "--warmup"), 5),
            Seconds(Value(args, "--publish-at"), Math.Min(180, duration.TotalSeconds * 0.3)),
            Value(args, "--publish"),
            args.Contains("--keep"),
            Value(args, "--picture"));
    }

    private static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Int(string? text, int fallback) => text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>90, 90s, 15m.</summary>
    private static TimeSpan Seconds(string? text, double fallback) => text switch
    {
        null => TimeSpan.FromSeconds(fallback),
        _ when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };
}
