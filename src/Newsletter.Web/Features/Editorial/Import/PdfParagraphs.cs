using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Puts a PDF's printed lines back into paragraphs, one text line each with a blank line after it (the line structure
/// <see cref="PlainTextIssueParser"/> reads). The body's left and right margins are where most lines of the body's type
/// size start and end. A line continues the paragraph above it when that line is of the same size, close above it, ran
/// to the right margin (or stopped on 、，（“ — a line broken by hand) and did not end a 目录 entry (…… 8), and this line
/// starts at the left margin — or, for a wrapped title, is centred too. Across a page break the paragraph continues on
/// the same terms (a title an office let break over the page too) if it has not ended its sentence (<see cref="TextRules.EndsSentence"/>). An indented, centred or
/// right-aligned line, a change of size or a wider gap starts a new paragraph; a right-aligned line (an attribution) ends one.
/// </summary>
internal static partial class PdfParagraphs
{
    private const string OpenEnds = "、，,（(“‘《—";

    /// <summary>More characters than a title's line holds (about 25 at 18 pt on A4), fewer than two lines of the body.</summary>
    private const int OneTitleLine = 40;

    public static string Write(IReadOnlyList<List<PdfLine>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        if (all.Count == 0)
        {
            return "";
        }

        var size = Mode(all.SelectMany(l => Enumerable.Repeat(l.Size, l.Text.Length)));
        var body = all.Where(l => Same(l.Size, size)).ToList();
        var margins = new Margins(Mode(body.Select(l => l.Left)), Mode(body.Select(l => l.Right)));
        var paragraphs = new List<StringBuilder>();
        PdfLine? previous = null;
        foreach (var page in pages)
        {
            for (var i = 0; i < page.Count; i++)
            {
                var line = page[i];
                if (previous is not null && Continues(previous, line, margins, i == 0, paragraphs[^1]))
                {
                    Append(paragraphs[^1], line.Text);
                }
                else
                {
                    paragraphs.Add(new StringBuilder(line.Text.TrimStart()));
                }

                previous = line;
            }
        }

        return string.Join("\n\n", paragraphs.Select(p => p.ToString().TrimEnd())) + "\n";
    }

    private static bool Continues(PdfLine above, PdfLine line, Margins margins, bool newPage, StringBuilder paragraph)
    {
        if (!Same(above.Size, line.Size) || TocEntryEnd().IsMatch(above.Text) || margins.RightAligned(above))
        {
            return false;
        }

        var full = above.Right >= margins.Right - (1.2 * above.Size);
        var open = OpenEnds.Contains(above.Text.TrimEnd()[^1]);
        var atLeft = line.Left <= margins.Left + (0.5 * line.Size);
        var centred = margins.Centred(line) && margins.Centred(above);
        if (newPage)
        {
            // A title broken over the page: one centred line so far (a body paragraph has two by then, or starts indented).
            var title = centred && !atLeft && paragraph.Length <= OneTitleLine;
            return ((full && (atLeft || title)) || (open && atLeft)) && !TextRules.EndsSentence(paragraph.ToString());
        }

        var close = above.Baseline - line.Baseline <= 1.8 * line.Size;
        return close && ((full && (atLeft || centred)) || (open && atLeft));
    }

    /// <summary>
    /// Wrapped lines run together, with a space between two Latin letters or digits, and after a Latin word that has a
    /// space before it ("思想 and" wrapped before "党的": a line break hides the second space, typed as the first was).
    /// </summary>
    private static void Append(StringBuilder paragraph, string text)
    {
        text = text.TrimStart();
        var tail = paragraph.ToString(Math.Max(0, paragraph.Length - 40), Math.Min(40, paragraph.Length));
        if (tail.Length > 0 && text.Length > 0 && char.IsAsciiLetterOrDigit(tail[^1])
            && (char.IsAsciiLetterOrDigit(text[0]) || SpacedLatinWord().IsMatch(tail)))
        {
            paragraph.Append(' ');
        }

        paragraph.Append(text);
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 0.15 * Math.Max(a, b);

    /// <summary>The most common value, to the nearest point.</summary>
    private static double Mode(IEnumerable<double> values) =>
        values.CountBy(v => Math.Round(v)).MaxBy(v => v.Value).Key;

    private sealed record Margins(double Left, double Right)
    {
        /// <summary>Indented from the left and about as far from the right: a centred line.</summary>
        public bool Centred(PdfLine line) =>
            Math.Abs((line.Left - Left) - (Right - line.Right)) < 1.5 * line.Size;

        /// <summary>
        /// Ending at the right margin from well past a first-line indent, not centred: an attribution or a date, which ends
        /// its paragraph even when the next line starts at the left margin (总编辑…, a two-line title's first line).
        /// </summary>
        public bool RightAligned(PdfLine line) =>
            line.Left > Left + (3 * line.Size) && line.Right >= Right - (1.2 * line.Size) && !Centred(line);
    }

    [GeneratedRegex(@"[^\x00-\x7F] [A-Za-z]+$")]
    private static partial Regex SpacedLatinWord();

    [GeneratedRegex(@"(?:[.．·…。_]{2,}|\t)\s*\d{1,3}\s*$")]
    private static partial Regex TocEntryEnd();
}
