using System.Text;
using Lucene.Net.Analysis;
using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.Web.Features.Search;

/// <summary>One part of a word, with its synonyms (the part first); each form is matched as an exact substring.</summary>
public sealed record QueryPart(string Text, IReadOnlyList<string> Forms);

/// <summary>A word as the reader typed it (folded) and the parts it was split into; one part when it was not split.</summary>
public sealed record QueryWord(string Text, IReadOnlyList<QueryPart> Parts);

/// <summary>
/// How a query was understood. The reader's words (split at spaces, 刘 名 read as 刘名) are folded (繁体, full-width);
/// a word of three or more Chinese characters is split into words: the known words first (Guangxi's places, the
/// bylines' names, the synonym list; longest first), the rest by SmartCn, whose single characters are joined again
/// (it splits 托育 into 托|育, and a lone character belongs to its neighbour: 婴|幼儿 → 婴幼儿) and whose particles
/// (的, 和 …) are dropped. Two-character words are never split: 受托 stays 受托.
/// </summary>
public static class QueryTerms
{
    private const string Particles = "的了和与及在是对把被从向之";

    public static IReadOnlyList<QueryWord> Understand(Analyzer analyzer, WordList known, string text) =>
        ChineseQuery.Words(TextFolding.Fold(text))
            .Select(w => new QueryWord(w, Split(analyzer, known, w).Select(p => new QueryPart(p, known.Forms(p))).ToList()))
            .ToList();

    /// <summary>Every part of every word, in order (the partial-match fallback wants any of them).</summary>
    public static IEnumerable<QueryPart> AllParts(IReadOnlyList<QueryWord> words) => words.SelectMany(w => w.Parts);

    public static List<string> Split(Analyzer analyzer, WordList known, string word)
    {
        if (word.Length < 3 || !word.All(HanTrigramTokenizer.IsHan) || known.IsKnown(word))
        {
            return [word];
        }

        var parts = new List<(string Text, bool Known)>();
        var rest = new StringBuilder();
        for (var i = 0; i < word.Length;)
        {
            var length = LongestKnown(known, word, i);
            if (length == 0)
            {
                rest.Append(word[i++]);
                continue;
            }

            Segment();
            parts.Add((word.Substring(i, length), true));
            i += length;
        }

        Segment();
        var joined = Join(parts);
        return joined.Count == 0 ? [word] : joined;

        void Segment()
        {
            if (rest.Length > 0)
            {
                parts.AddRange(ChineseQuery.Tokens(analyzer, ChineseQuery.WordField.Field, rest.ToString()).Select(t => (t.Term, false)));
                rest.Clear();
            }
        }
    }

    private static int LongestKnown(WordList known, string word, int at)
    {
        for (var length = Math.Min(known.LongestWord, word.Length - at); length >= 2; length--)
        {
            if (known.IsKnown(word.Substring(at, length)))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>Particles dropped, runs of single characters joined, a lone character given to a neighbour (the next unless that is a known word).</summary>
    private static List<string> Join(List<(string Text, bool Known)> parts)
    {
        if (parts.Count > 1)
        {
            parts.RemoveAll(p => p.Text.Length == 1 && Particles.Contains(p.Text[0]));
        }

        var runs = new List<(string Text, bool Known, bool Singles)>();
        foreach (var (text, isKnown) in parts)
        {
            var single = text.Length == 1 && !isKnown;
            if (single && runs.Count > 0 && runs[^1].Singles)
            {
                runs[^1] = (runs[^1].Text + text, false, true);
            }
            else
            {
                runs.Add((text, isKnown, single));
            }
        }

        for (var i = 0; i < runs.Count && runs.Count > 1; i++)
        {
            if (runs[i].Text.Length != 1)
            {
                continue;
            }

            if (i + 1 < runs.Count && (!runs[i + 1].Known || i == 0 || runs[i - 1].Known))
            {
                runs[i + 1] = (runs[i].Text + runs[i + 1].Text, false, false);
            }
            else
            {
                runs[i - 1] = (runs[i - 1].Text + runs[i].Text, false, false);
            }

            runs.RemoveAt(i--);
        }

        return runs.Select(r => r.Text).ToList();
    }
}
