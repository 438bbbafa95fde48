using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Issues;

/// <summary>
/// The printed 目录: which page numbers it shows and whether it keeps page 1 to itself. A 目录 that would run a few lines
/// onto page 2 and then break would leave that page nearly empty, so a long one lets the first section follow it there.
/// </summary>
public static class PrintContents
{
    /// <summary>Characters of a 目录 line: the A4 column at 13 pt, less the indent, the dotted leader and the page number.</summary>
    public const int CharactersPerLine = 29;

    /// <summary>
    /// Height page 1 leaves the 目录 under the masthead and its title, in tenths of a 目录 line (print.css: 13 pt at
    /// line-height 1.45, about 6.65 mm, in some 175 mm), a line and a half short of the full height: a 目录 that the
    /// estimate lets end page 1 must really fit there, while one it sends on only starts the articles a little early.
    /// </summary>
    public const int FirstPageTenths = 250;

    /// <summary>A section heading (14 pt with its margin) in tenths of a 目录 line.</summary>
    public const int HeadingTenths = 13;

    /// <summary>The 目录's height in tenths of a line: a heading per section, each title wrapped; 基层简讯 is one heading with its page.</summary>
    public static int Tenths(IReadOnlyList<TocSection> toc) => toc.Sum(s => s.Section.Kind == SectionKind.Briefs
        ? HeadingTenths
        : HeadingTenths + (10 * s.Articles.Sum(a => Math.Max(1, (a.Title.Length + CharactersPerLine - 1) / CharactersPerLine))));

    /// <summary>Whether the 目录 ends page 1 (a page break after it) or the articles follow it on page 2.</summary>
    public static bool FitsFirstPage(IReadOnlyList<TocSection> toc) => Tenths(toc) <= FirstPageTenths;

    /// <summary>The page the print view shows for a 基层简讯 section: the printed page of its first brief, if recorded.</summary>
    public static int? PrintedPage(TocSection briefs) => briefs.Articles.Select(a => a.PrintedPage).FirstOrDefault(p => p is not null);

    /// <summary>Whether the print view (not the PDF) has page numbers to show: those recorded from the printed issue.</summary>
    public static bool HasPrintedPages(IReadOnlyList<TocSection> toc) => toc.Any(s => s.Articles.Any(a => a.PrintedPage is not null));
}
