using System.Globalization;

namespace Newsletter.Bench;

/// <summary>Command-line options: <c>--sizes 10000,100000 --queries 2000 --warmup 200 --baseline-seconds 300 --seed 65</c>.</summary>
public sealed record Options(int[] Sizes, int Queries, int Warmup, int BaselineSeconds, int Seed)
{
    public static Options Parse(string[] args)
    {
        var options = new Options([10_000, 100_000], 2000, 200, 300, 65);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = value.Split(',').Select(Number).ToArray() },
                "--queries" => options with { Queries = Number(value) },
                "--warmup" => options with { Warmup = Number(value) },
                "--baseline-seconds" => options with { BaselineSeconds = Number(value) },
                "--seed" => options with { Seed = Number(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }

    private static int Number(string text) => int.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
