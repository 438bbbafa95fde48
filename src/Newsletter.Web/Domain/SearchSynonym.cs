namespace Newsletter.Web.Domain;

/// <summary>
/// 同义词与简称: forms a search treats as one word (计生协 = 计划生育协会), kept by administrators on the search
/// admin page. Stored as one line of forms joined by “=”, the way the page shows and takes them.
/// </summary>
public class SearchSynonym
{
    /// <summary>The longest line: a few forms of an organisation's name.</summary>
    public const int MaxLength = 200;

    /// <summary>The longest single form.</summary>
    public const int MaxFormLength = 30;

    private static readonly char[] Separators = ['=', '＝'];

    public int Id { get; set; }

    public required string Words { get; set; }

    /// <summary>The distinct forms of a line, trimmed, with spaces inside a form removed.</summary>
    public static List<string> Forms(string line) =>
        line.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => string.Concat(f.Where(c => !char.IsWhiteSpace(c))))
            .Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The line as stored: its forms joined by “=”, or why it cannot be one.</summary>
    public static Outcome<string> Normalize(string line)
    {
        var forms = Forms(line);
        if (forms.Count < 2)
        {
            return Outcome<string>.Invalid($"“{line.Trim()}”：一行至少要有两个用“=”隔开的不同说法。");
        }

        if (forms.FirstOrDefault(f => f.Length > MaxFormLength) is { } tooLong)
        {
            return Outcome<string>.Invalid($"“{tooLong}”超过 {MaxFormLength} 个字。");
        }

        var joined = string.Join("=", forms);
        return joined.Length > MaxLength
            ? Outcome<string>.Invalid($"“{line.Trim()}”超过 {MaxLength} 个字。")
            : Outcome.Ok(joined);
    }
}
