namespace Newsletter.LoadBench;

/// <summary>The targets of a run, each printed with PASS or FAIL; the exit code is 0 only when all pass.</summary>
public sealed class Checks
{
    private readonly List<(string Target, string Measured, bool Passed)> rows = [];

    public bool AllPassed => rows.All(r => r.Passed);

    public void Add(string target, string measured, bool passed) => rows.Add((target, measured, passed));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("Targets:");
        var width = rows.Max(r => r.Target.Length);
        foreach (var (target, measured, passed) in rows)
        {
            Console.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {target.PadRight(width)}  {measured}");
        }

        Console.WriteLine($"{rows.Count(r => r.Passed)} of {rows.Count} targets met");
    }
}
