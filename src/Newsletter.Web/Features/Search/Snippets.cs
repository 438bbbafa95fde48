using System.Text;
using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// Marks the reader's words in stored text without re-running the query or any analyser: each form of each word is
/// looked for as a substring of the folded text (<see cref="TextFolding"/>: 繁体 and full-width as the index has them;
/// Chinese compared as it is, anything else ignoring case), which is what made the document match — an n-gram phrase
/// is an exact substring. Folding keeps every offset, so the marks are placed in the text as written. Analysing each
/// hit's body with the bigram analyser instead cost about a third of an uncached search (issue 19's profile).
/// </summary>
public static class Snippets
{
    /// <summary>About as long as the Highlighter's fragments were.</summary>
    public const int Length = 90;

    /// <summary>Context kept before the first marked word, unless a sentence starts nearer.</summary>
    private const int Lead = 24;

    /// <summary>The most occurrences of one form looked at: enough to find where the words meet in any real article.</summary>
    private const int MaxPerForm = 500;

    /// <summary>The whole text with every occurrence of the words marked, or null if none occurs.</summary>
    public static string? MarkAll(string text, IReadOnlyList<(string Form, int Word)> forms)
    {
        var spans = Find(TextFolding.Fold(text), forms);
        return spans.Count == 0 ? null : Render(text, 0, text.Length, spans);
    }

    /// <summary>
    /// About <see cref="Length"/> characters around the first place where the most different words occur
    /// together, with the words marked and … where the text was cut; null if none of the words occurs.
    /// </summary>
    public static string? Fragment(string text, IReadOnlyList<(string Form, int Word)> forms)
    {
        var spans = Find(TextFolding.Fold(text), forms);
        return spans.Count == 0 ? null : Fragment(text, spans, forms.Select(f => f.Word).Distinct().Count());
    }

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

    /// <summary>Where each form occurs in the folded text, in text order (longer first where two start together).</summary>
    private static List<(int Start, int End, int Word)> Find(string folded, IReadOnlyList<(string Form, int Word)> forms)
    {
        var found = new List<(int Start, int End, int Word)>();
        foreach (var (form, word) in forms)
        {
            if (form.Length == 0)
            {
                continue;
            }

            var comparison = form.All(HanTrigramTokenizer.IsHan) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            var count = 0;
            for (var at = folded.IndexOf(form, comparison); at >= 0 && count < MaxPerForm; at = folded.IndexOf(form, at + form.Length, comparison))
            {
                found.Add((at, at + form.Length, word));
                count++;
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
