using System.Collections.Frozen;

namespace Newsletter.Web.Features.Search.Vocabulary;

/// <summary>
/// One snapshot of the known words (segmentation) and synonym groups (expansion), all folded
/// (<see cref="TextFolding"/>) so that 計生協 meets 计生协.
/// </summary>
public sealed class WordList
{
    private static readonly string[] Places = LoadPlaces();

    private readonly FrozenSet<string> known;
    private readonly FrozenDictionary<string, string[]> synonyms;

    private WordList(FrozenSet<string> known, FrozenDictionary<string, string[]> synonyms)
    {
        this.known = known;
        this.synonyms = synonyms;
        LongestWord = known.Count == 0 ? 0 : known.Max(w => w.Length);
    }

    /// <summary>Guangxi's places only: for code that has no database at hand (tests, benchmarks).</summary>
    public static WordList Default { get; } = Create([], []);

    /// <summary>The length of the longest known word, the most a segmenter needs to look ahead.</summary>
    public int LongestWord { get; }

    public static WordList Create(IEnumerable<string> synonymLines, IEnumerable<string> names)
    {
        var groups = synonymLines.Select(l => Domain.SearchSynonym.Forms(TextFolding.Fold(l))).Where(g => g.Count > 1).ToList();
        var synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var form in group)
            {
                // A form in two groups gets both groups' forms.
                synonyms[form] = synonyms.TryGetValue(form, out var more) ? [.. more.Union(group)] : [.. group];
            }
        }

        var known = Places.Concat(groups.SelectMany(g => g))
            .Concat(names.Select(n => TextFolding.Fold(n).Replace(" ", "", StringComparison.Ordinal)).Where(n => n.Length is >= 2 and <= 4 && n.All(HanTrigramTokenizer.IsHan)))
            .ToFrozenSet(StringComparer.Ordinal);
        return new WordList(known, synonyms.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public bool IsKnown(string word) => known.Contains(word);

    /// <summary>The word and its synonyms, the word first.</summary>
    public IReadOnlyList<string> Forms(string word) =>
        synonyms.TryGetValue(word, out var group) ? [word, .. group.Where(f => f != word)] : [word];

    /// <summary>Each place of the list, and its short form without 市/区/县 where two characters or more remain (秀峰, 武宣).</summary>
    private static string[] LoadPlaces() =>
        VocabularyFiles.Lines("guangxi-places.txt")
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(p => p.Length >= 3 && p[^1] is '市' or '区' or '县' && !p.EndsWith("自治县", StringComparison.Ordinal) ? new[] { p, p[..^1] } : [p])
            .Distinct().ToArray();
}
