using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// Marks the reader's words in stored text without re-running the query: the text is tokenised with the
/// bigram fields' analyzer and each word's bigram phrase is looked for, which is exactly what made the
/// document match, so the marks cover the same substrings. Much cheaper than Lucene's Highlighter, which
/// builds an in-memory index of every hit's body to score fragments.
/// </summary>
public static class Snippets
{
    /// <summary>About as long as the Highlighter's fragments were.</summary>
    public const int Length = 90;

    /// <summary>Context kept before the first marked word, unless a sentence starts nearer.</summary>
    private const int Lead = 24;

    /// <summary>The most text analysed for one fragment: more than any usual article, far less than the longest ones.</summary>
    private const int MaxAnalysed = 20_000;

    /// <summary>The text analysed around each place where a word may occur, in a text longer than <see cref="MaxAnalysed"/>.</summary>
    private const int Window = 2_000;

    /// <summary>The whole text with every occurrence of the words marked, or null if none occurs.</summary>
    public static string? MarkAll(Analyzer analyzer, string field, string text, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        // Folding keeps every offset (one character for one), so spans found in the folded text fit the original.
        var spans = Find(analyzer, field, TextFolding.Fold(text), 0, text.Length, phrases);
        return spans.Count == 0 ? null : Render(text, 0, text.Length, spans);
    }

    /// <summary>
    /// About <see cref="Length"/> characters around the first place where the most different words occur
    /// together, with the words marked and … where the text was cut; null if none of the words occurs.
    /// A text longer than <see cref="MaxAnalysed"/> is not analysed whole: see <see cref="Windows"/>.
    /// </summary>
    public static string? Fragment(Analyzer analyzer, string field, string text, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        var folded = TextFolding.Fold(text);
        foreach (var (from, to) in Windows(folded, phrases))
        {
            var spans = Find(analyzer, field, folded, from, to, phrases);
            if (spans.Count > 0)
            {
                return Fragment(text, spans, phrases.Count);
            }
        }

        return null;
    }

    /// <summary>
    /// The parts of the text to analyse, in order: the whole of a text up to <see cref="MaxAnalysed"/> characters; in a longer
    /// one, a window of <see cref="Window"/> characters around each next place where a word's first term occurs as plain
    /// text (ignoring case and width, as the analyser does), until <see cref="MaxAnalysed"/> characters have been analysed.
    /// </summary>
    private static IEnumerable<(int From, int To)> Windows(string text, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        if (text.Length <= MaxAnalysed)
        {
            yield return (0, text.Length);
            yield break;
        }

        var next = phrases.Select(p => IndexOf(text, p[0].Term, 0)).ToArray();
        for (var (analysed, from) = (0, 0); analysed < MaxAnalysed;)
        {
            var found = next.Where(i => i >= from).DefaultIfEmpty(-1).Min();
            if (found < 0)
            {
                yield break;
            }

            var window = (From: Math.Max(from, found - Window / 2), To: Math.Min(text.Length, found + Window / 2));
            yield return window;
            (analysed, from) = (analysed + window.To - window.From, window.To);
            for (var w = 0; w < next.Length; w++)
            {
                next[w] = next[w] >= 0 && next[w] < from && from < text.Length ? IndexOf(text, phrases[w][0].Term, from) : next[w];
            }
        }
    }

    /// <summary>Where the term occurs as text: Chinese characters have no case or width, so they are compared as they are (much faster).</summary>
    private static int IndexOf(string text, string term, int from) => term.All(HanTrigramTokenizer.IsHan)
        ? text.IndexOf(term, from, StringComparison.Ordinal)
        : CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, term, from, CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth);

    private static string Fragment(string text, List<(int Start, int End, int Word)> spans, int words)
    {
        var (best, bestWords) = (0, 0);
        for (var i = 0; i < spans.Count && bestWords < words; i++)
        {
            var together = spans.Skip(i).TakeWhile(s => s.End <= spans[i].Start + Length).Select(s => s.Word).Distinct().Count();
            if (together > bestWords)
            {
                (best, bestWords) = (i, together);
            }
        }

        var anchor = spans[best].Start;
        var start = Math.Max(0, anchor - Lead);
        var sentence = text.LastIndexOfAny(['。', '！', '？', '；', '\n'], Math.Max(0, anchor - 1), anchor - start);
        if (sentence >= 0 && sentence < anchor)
        {
            start = sentence + 1;
        }

        var end = Math.Min(text.Length, start + Length);
        foreach (var span in spans.Where(s => s.Start < end && s.End > end))
        {
            end = span.End;
        }

        return (start > 0 ? "…" : "") + Render(text, start, end, spans) + (end < text.Length ? "…" : "");
    }

    /// <summary>Where each word's phrase occurs in text[from..to] (offsets in the whole text), in text order.</summary>
    private static List<(int Start, int End, int Word)> Find(
        Analyzer analyzer, string field, string text, int from, int to, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        var found = new List<(int Start, int End, int Word)>();
        if (phrases.Count == 0 || to <= from)
        {
            return found;
        }

        var tokens = new List<(string Term, int Position, int Start, int End)>();
        var byPosition = new Dictionary<int, int>();
        using (var stream = analyzer.GetTokenStream(field, text[from..to]))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                byPosition[position] = tokens.Count;
                tokens.Add((term.ToString(), position, from + offset.StartOffset, from + offset.EndOffset));
            }

            stream.End();
        }

        for (var word = 0; word < phrases.Count; word++)
        {
            var phrase = phrases[word];
            var (first, firstPosition) = phrase[0];
            for (var t = 0; t < tokens.Count; t++)
            {
                if (tokens[t].Term != first)
                {
                    continue;
                }

                var end = tokens[t].End;
                var all = true;
                for (var k = 1; k < phrase.Count && all; k++)
                {
                    all = byPosition.TryGetValue(tokens[t].Position + phrase[k].Position - firstPosition, out var index)
                          && tokens[index].Term == phrase[k].Term;
                    if (all)
                    {
                        end = Math.Max(end, tokens[index].End);
                    }
                }

                if (all)
                {
                    found.Add((tokens[t].Start, end, word));
                }
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return found;
    }

    /// <summary>text[start..end] HTML-encoded, with the spans inside it marked (touching or overlapping spans become one mark).</summary>
    private static string Render(string text, int start, int end, List<(int Start, int End, int Word)> spans)
    {
        var html = new StringBuilder();
        var at = start;
        var i = 0;
        while (i < spans.Count)
        {
            var (markStart, markEnd) = (spans[i].Start, spans[i].End);
            for (i++; i < spans.Count && spans[i].Start <= markEnd; i++)
            {
                markEnd = Math.Max(markEnd, spans[i].End);
            }

            markStart = Math.Max(markStart, at);
            markEnd = Math.Min(markEnd, end);
            if (markStart >= markEnd)
            {
                continue;
            }

            html.Append(MinimalHtmlEncoder.Encode(text[at..markStart])).Append("<mark>")
                .Append(MinimalHtmlEncoder.Encode(text[markStart..markEnd])).Append("</mark>");
            at = markEnd;
        }

        return html.Append(MinimalHtmlEncoder.Encode(text[at..end])).ToString();
    }
}
