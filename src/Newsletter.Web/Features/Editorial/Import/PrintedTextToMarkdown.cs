using System.Text;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Turns the paragraphs of a printed article into Markdown: 一、 headings become level-2
/// headings, short （一） lines level-3 headings, a long paragraph that opens with （一） keeps its
/// lead sentence in bold, and short unnumbered lines (小标题) and 附件：… lines become level-2 headings; a subtitle (——…)
/// and a caption with no picture (图为…) are paragraphs in emphasis.
/// </summary>
public static class PrintedTextToMarkdown
{
    public static string Convert(IEnumerable<string> paragraphs, bool isBrief) => Convert(paragraphs, isBrief, _ => null);

    /// <param name="paragraphs">The paragraphs of the article.</param>
    /// <param name="isBrief">A brief has no headings.</param>
    /// <param name="special">Markdown of its own for a paragraph (a picture), "" to leave it out, null for the rules here.</param>
    public static string Convert(IEnumerable<string> paragraphs, bool isBrief, Func<string, string?> special) =>
        string.Join("\n\n", paragraphs
            .Select(p => special(p) ?? (isBrief ? Escape(p) : Block(p)))
            .Where(b => b.Length > 0));

    private static string Block(string p)
    {
        if (TextRules.IsAttachmentHeading(p))
        {
            return "## " + Escape(p);
        }

        if (p.StartsWith("——", StringComparison.Ordinal) && p.Length <= 80 || PictureCaption.Read(p) is not null)
        {
            // A subtitle (——记…) or a caption with no picture (图为…): set apart in emphasis, never a heading.
            return "*" + Escape(p) + "*";
        }

        if (TextRules.IsNumberedHeading(p) && p.Length <= 50)
        {
            return "## " + Escape(p);
        }

        if (TextRules.IsNumberedSubheading(p))
        {
            if (p.Length <= 40)
            {
                return "### " + Escape(p);
            }

            var end = p.IndexOf('。');
            return end is > 0 and <= 80
                ? "**" + Escape(p[..(end + 1)]) + "**" + Escape(p[(end + 1)..])
                : Escape(p);
        }

        return TextRules.IsShortHeading(p) ? "## " + Escape(p) : Escape(p);
    }

    /// <summary>Escapes what Markdown would read as syntax, so printed text stays text.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        if (sb.Length > 0 && sb[0] is '#' or '+' or '-' or '=')
        {
            sb.Insert(0, '\\');
        }

        var digits = 0;
        while (digits < sb.Length && char.IsAsciiDigit(sb[digits]))
        {
            digits++;
        }

        if (digits is > 0 and < 10 && digits < sb.Length && sb[digits] is '.' or ')')
        {
            sb.Insert(digits, '\\');
        }

        return sb.ToString();
    }
}
