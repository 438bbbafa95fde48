using System.Text.RegularExpressions;

namespace Newsletter.UnitTests.Deploy;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its arguments, and the build stage it is in (0 = first).</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Stage);

/// <summary>
/// Reads a Dockerfile as Docker's parser does for the parts this repository uses: comment lines dropped, a line ending in
/// a backslash continued on the next, the first word the instruction; an unknown keyword is an error, not skipped.
/// No Docker engine runs here, so this is how the tests see the image's recipe.
/// </summary>
public static partial class DockerfileReader
{
    private static readonly HashSet<string> Keywords =
    [
        "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG",
        "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ];

    public static IReadOnlyList<DockerInstruction> Read(string text)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#') || (pending.Length == 0 && line.Trim().Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = "";
            var match = Instruction().Match(whole);
            if (!match.Success || !Keywords.Contains(match.Groups[1].Value.ToUpperInvariant()))
            {
                throw new FormatException($"Not a Dockerfile instruction: {whole}");
            }

            var keyword = match.Groups[1].Value.ToUpperInvariant();
            stage += keyword == "FROM" ? 1 : 0;
            if (stage < 0)
            {
                throw new FormatException($"{keyword} before the first FROM");
            }

            instructions.Add(new DockerInstruction(keyword, Spaces().Replace(match.Groups[2].Value, " ").Trim(), stage));
        }

        return pending.Length == 0 ? instructions : throw new FormatException("The Dockerfile ends inside a continued line.");
    }

    /// <summary>The KEY=value pairs of the ENV instructions of one stage (values without quotes).</summary>
    public static Dictionary<string, string> Environment(IEnumerable<DockerInstruction> instructions) => instructions
        .Where(i => i.Keyword == "ENV")
        .SelectMany(i => Pair().Matches(i.Arguments))
        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));

    [GeneratedRegex(@"^([A-Za-z]+)\s+(.*)$")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex Pair();
}
