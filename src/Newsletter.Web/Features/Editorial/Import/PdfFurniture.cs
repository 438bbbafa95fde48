using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>A PDF page's height and its printed lines, top to bottom.</summary>
internal sealed record PdfPageLines(double Height, List<PdfLine> Lines);

/// <summary>
/// Takes away what the printer put on every page rather than in the text: running page numbers (— 3 —, -3-, 第3页,
/// 第3页 共30页, a bare 3), running heads and feet (a line in a page's top or bottom tenth that recurs there on at least a
/// third of the pages, its numbers aside: 工作通讯 2023年第2期), and decorative rules typed as text (────, ★★★, ….).
/// A page number counts only in those edge bands, so a 3 in the body stays.
/// </summary>
internal static partial class PdfFurniture
{
    private const double EdgeBand = 0.1;
    private const string RuleCharacters = "-—–_=─━═·.．…*＊★☆◆◇◎○■□~～―－|｜";

    public static void Remove(IReadOnlyList<PdfPageLines> pages)
    {
        var needed = Math.Max(2, pages.Count / 3);
        var running = pages.Count < 2
            ? []
            : pages.SelectMany(p => EdgeLines(p).Select(l => Key(l.Text)).Distinct())
                .CountBy(k => k).Where(k => k.Value >= needed).Select(k => k.Key).ToHashSet();
        foreach (var page in pages)
        {
            var edge = EdgeLines(page).ToHashSet();
            page.Lines.RemoveAll(l => IsRule(l.Text) || (edge.Contains(l) && (IsPageNumber(l.Text) || running.Contains(Key(l.Text)))));
        }
    }

    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text.Trim());

    /// <summary>A line of three or more rule characters and nothing else.</summary>
    public static bool IsRule(string text)
    {
        var compact = TextRules.Compact(text);
        return compact.Length >= 3 && compact.All(RuleCharacters.Contains);
    }

    private static IEnumerable<PdfLine> EdgeLines(PdfPageLines page) =>
        page.Lines.Where(l => l.Baseline > page.Height * (1 - EdgeBand) || l.Baseline < page.Height * EdgeBand);

    /// <summary>The line without white space, its digits all alike: page 4's head and page 5's are the same head.</summary>
    private static string Key(string text) => Digits().Replace(TextRules.Compact(text), "#");

    [GeneratedRegex(@"^[-—–－―~～\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—–－―~～\s]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
