using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

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

    /// <summary>The whole text with every occurrence of the words marked, or null if none occurs.</summary>
    public static string? MarkAll(Analyzer analyzer, string field, string text, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        var spans = Find(analyzer, field, text, phrases);
        return spans.Count == 0 ? null : Render(text, 0, text.Length, spans);
    }

    /// <summary>
    /// About <see cref="Length"/> characters around the first place where the most different words occur
    /// together, with the words marked and … where the text was cut; null if none of the words occurs.
    /// </summary>
    public static string? Fragment(Analyzer analyzer, string field, string text, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        var spans = Find(analyzer, field, text, phrases);
        if (spans.Count == 0)
        {
            return null;
        }

        var (best, bestWords) = (0, 0);
        for (var i = 0; i < spans.Count && bestWords < phrases.Count; i++)
        {
            var words = spans.Skip(i).TakeWhile(s => s.End <= spans[i].Start + Length).Select(s => s.Word).Distinct().Count();
            if (words > bestWords)
            {
                (best, bestWords) = (i, words);
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

    /// <summary>Where each word's phrase occurs (start and end offsets), merged where they touch or overlap, in text order.</summary>
    private static List<(int Start, int End, int Word)> Find(
        Analyzer analyzer, string field, string text, IReadOnlyList<List<(string Term, int Position)>> phrases)
    {
        var found = new List<(int Start, int End, int Word)>();
        if (phrases.Count == 0 || text.Length == 0)
        {
            return found;
        }

        var tokens = new List<(string Term, int Position, int Start, int End)>();
        var byPosition = new Dictionary<int, int>();
        using (var stream = analyzer.GetTokenStream(field, text))
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
                tokens.Add((term.ToString(), position, offset.StartOffset, offset.EndOffset));
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
