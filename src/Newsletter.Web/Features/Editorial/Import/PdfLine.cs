using System.Text;
using UglyToad.PdfPig.Content;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// One printed line of a PDF page: its text, where it starts and ends across the page, its baseline (from the page's
/// bottom, as PDF measures) and its type size — enough for <see cref="PdfParagraphs"/> to tell a wrapped line from a
/// new paragraph, and for <see cref="PdfFurniture"/> to find page numbers and running heads.
/// </summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size)
{
    /// <summary>
    /// The page's lines top to bottom: letters whose baselines lie within a third of their size of each other are one
    /// line (a single-column page), read left to right. PdfPig's letters are used rather than its words because the
    /// word extraction drops the space letters, and a printed space is meaningful (刘 名, 优化人口发展战略 建立…).
    /// Vertical and rotated text is not read.
    /// </summary>
    public static List<PdfLine> Read(Page page)
    {
        var letters = page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal && l.Value.Length > 0)
            .OrderByDescending(l => l.StartBaseLine.Y)
            .ThenBy(l => l.StartBaseLine.X);
        var groups = new List<(double Baseline, double Size, List<Letter> Letters)>();
        foreach (var letter in letters)
        {
            var baseline = letter.StartBaseLine.Y;
            var size = Math.Max(SizeOf(letter), 1);
            var group = groups.FindLastIndex(g => Math.Abs(g.Baseline - baseline) < Math.Min(g.Size, size) / 3);
            if (group < 0)
            {
                groups.Add((baseline, size, [letter]));
            }
            else
            {
                groups[group].Letters.Add(letter);
            }
        }

        return groups.Select(g => Line(g.Baseline, g.Letters)).OfType<PdfLine>().OrderByDescending(l => l.Baseline).ToList();
    }

    /// <summary>
    /// The line's text. A space letter is a space; so is a gap of a third of a character next to a Latin letter or digit,
    /// or of a whole character between two Chinese characters (smaller gaps there are justification, which spreads a
    /// line ended by hand); a gap wider than two characters is a tab (a 目录's page number). A letter printed twice on
    /// itself (fake bold) is read once. A space after a last Latin word is kept (the next line may start with Chinese).
    /// </summary>
    private static PdfLine? Line(double baseline, List<Letter> letters)
    {
        letters.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var text = new StringBuilder();
        Letter? previous = null;
        var space = false;
        foreach (var letter in letters)
        {
            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                space = previous is not null;
                continue;
            }

            if (previous is not null)
            {
                var em = SizeOf(letter);
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (letter.Value == previous.Value && Math.Abs(letter.StartBaseLine.X - previous.StartBaseLine.X) < em / 10)
                {
                    continue;
                }

                if (gap > 2 * em)
                {
                    text.Append('\t');
                }
                else if (space || gap > (Wide(previous.Value) && Wide(letter.Value) ? em : em / 3))
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
            space = false;
        }

        if (previous is null)
        {
            return null;
        }

        if (space && char.IsAsciiLetterOrDigit(previous.Value[^1]))
        {
            text.Append(' '); // "思想 and" wrapped before "党的": the space belongs to the paragraph
        }

        var printed = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var sizes = printed.Select(SizeOf).Order().ToList();
        return new PdfLine(text.ToString(), printed.Min(l => l.StartBaseLine.X), printed.Max(l => l.EndBaseLine.X), baseline,
            sizes[sizes.Count / 2]);
    }

    /// <summary>A Chinese character or full-width sign, which sets solid: no space is read between two of them.</summary>
    private static bool Wide(string value) => value[0] >= '\u2E80' || "“”‘’—…·●".Contains(value[0]);

    /// <summary>The size a letter is printed at; PointSize is the font size as scaled by the text matrix.</summary>
    private static double SizeOf(Letter letter) => letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
}
