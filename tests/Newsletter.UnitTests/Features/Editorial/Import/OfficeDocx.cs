using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// Builds a .docx from an issue's text the way an office types it: no heading styles, only direct formatting — a red
/// 工作通讯 masthead with a rule under it, bold centred titles and section names, a 仿宋 body with a two-character
/// first-line indent, a 目录 with dot-leader tabs, a running header from page 2 and the page number (a PAGE field
/// between dashes, "— 3 —") centred in the footer. LibreOffice turns it into the PDF fixtures (tools/seed-pdf);
/// self-contained so that tool can compile it alone.
/// </summary>
internal static partial class OfficeDocx
{
    private static readonly string[] SectionNames = ["工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯"];

    public static byte[] Build(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress });
            var body = new Body();
            Fill(body, Blocks(text));
            body.Append(Section(main));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static void Fill(Body body, List<List<string>> blocks)
    {
        var titles = blocks.SelectMany(b => b).Select(l => TocLine().Match(l)).Where(m => m.Success)
            .Select(m => Compact(m.Groups["title"].Value)).ToList();
        bool IsTitle(string line) => titles.Any(t => Similar(t, Compact(line)));
        var place = Place.Masthead;
        foreach (var block in blocks)
        {
            var compact = Compact(string.Concat(block));
            if (place == Place.Masthead && compact == "目录")
            {
                body.Append(Para(block, size: 32, bold: true, centred: true, spaceBefore: 240, spaceAfter: 240));
                place = Place.Toc;
            }
            else if (place == Place.Masthead)
            {
                var masthead = compact == "工作通讯";
                body.Append(Para(block, size: masthead ? 72 : 28, bold: masthead, centred: true, red: masthead, spaceAfter: 120,
                    rule: compact.EndsWith('月')));
            }
            else if (place == Place.Toc && !IsTitle(block[0]))
            {
                foreach (var line in block.Where(l => !RuleLine().IsMatch(l)))
                {
                    var entry = TocLine().Match(line);
                    body.Append(entry.Success
                        ? Para([entry.Groups["title"].Value.Trim() + "\t" + entry.Groups["page"].Value], size: 28, leader: true)
                        : Para([line], size: 28, bold: true, spaceBefore: 120));
                }
            }
            else
            {
                if (place == Place.Toc)
                {
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                }

                place = Place.Body;
                if (SectionNames.Contains(compact))
                {
                    body.Append(Para(block, size: 32, bold: true, centred: true, spaceBefore: 240, keepNext: true));
                }
                else if (IsTitle(compact))
                {
                    body.Append(Para([string.Concat(block)], size: 36, bold: true, centred: true, spaceBefore: 240, spaceAfter: 240));
                }
                else if (Bracketed(compact) || block[0].StartsWith("中国计划生育协会党组", StringComparison.Ordinal)
                         || block[0] == "曾强华")
                {
                    var byline = block[0].StartsWith("中国", StringComparison.Ordinal) || block[0] == "曾强华" || block[0].Contains("年3月28日");
                    body.Append(Para(block, size: 32, centred: byline, right: !byline, spaceAfter: 120));
                }
                else if (compact.StartsWith("总编辑", StringComparison.Ordinal))
                {
                    body.Append(Para(block, size: 28, spaceBefore: 480, ruleAbove: true));
                }
                else
                {
                    // A paragraph the text file cut at a page break is one paragraph again in Word.
                    var previous = body.Elements<Paragraph>().LastOrDefault();
                    if (previous?.InnerText is { Length: > 0 } last && Continues(last) && previous.ParagraphProperties?.Indentation is not null)
                    {
                        previous.Append(Runs(block, 32, false, false));
                        continue;
                    }

                    body.Append(Para(block, size: 32, indent: !compact.StartsWith("送", StringComparison.Ordinal)
                        && !compact.StartsWith("发：", StringComparison.Ordinal) && !compact.StartsWith("广西壮族", StringComparison.Ordinal)
                        && !compact.EndsWith("印发", StringComparison.Ordinal)));
                }
            }
        }
    }

    /// <summary>An attribution or a dateline: （自治区计生协）, (桂林市叠彩区计生协 刘 名), （2023年3月28日）.</summary>
    private static bool Bracketed(string text) => text.Length < 40 && text[0] is '（' or '(' && text[^1] is '）' or ')';

    /// <summary>The text file's rule for a paragraph cut by a page break (TextRules.ContinuesOnNextPage), in short.</summary>
    private static bool Continues(string text) =>
        text.Length > 20 && !"。！？；：…”）)".Contains(text.TrimEnd()[^1]) && !text.EndsWith("——", StringComparison.Ordinal)
        && !NumberedHeading().IsMatch(text);

    private static Paragraph Para(List<string> lines, int size, bool bold = false, bool centred = false, bool right = false,
        bool red = false, int spaceBefore = 0, int spaceAfter = 0, bool indent = false, bool leader = false, bool rule = false,
        bool ruleAbove = false, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (keepNext)
        {
            props.Append(new KeepNext());
        }

        if (rule || ruleAbove)
        {
            var border = new ParagraphBorders();
            var color = rule ? "C00000" : "000000";
            border.Append(rule ? new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = color }
                : new TopBorder { Val = BorderValues.Single, Size = 12, Space = 4, Color = color });
            props.Append(border);
        }

        if (leader)
        {
            props.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = 9000 }));
        }

        props.Append(new OverflowPunctuation { Val = false }); // no hanging punctuation (see tools/seed-pdf/make-fixtures.sh)
        props.Append(new SpacingBetweenLines
        {
            Before = spaceBefore.ToString(), After = spaceAfter.ToString(), Line = "440", LineRule = LineSpacingRuleValues.Exact,
        });
        if (indent)
        {
            props.Append(new Indentation { FirstLineChars = 200, FirstLine = (size * 10 * 2).ToString() });
        }

        props.Append(new Justification
        {
            Val = centred ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Both,
        });
        var paragraph = new Paragraph(props);
        paragraph.Append(Runs(lines, size, bold, red));
        return paragraph;
    }

    private static IEnumerable<OpenXmlElement> Runs(List<string> lines, int size, bool bold, bool red)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var props = new RunProperties(new RunFonts { Ascii = bold ? "黑体" : "仿宋", EastAsia = bold ? "黑体" : "仿宋", HighAnsi = "仿宋" });
            if (bold)
            {
                props.Append(new Bold());
            }

            if (red)
            {
                props.Append(new Color { Val = "C00000" });
            }

            props.Append(new FontSize { Val = size.ToString() });
            var run = new Run(props);
            if (i > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[i].Split('\t');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    run.Append(new TabChar());
                }

                run.Append(new Text(parts[p]) { Space = SpaceProcessingModeValues.Preserve });
            }

            yield return run;
        }
    }

    /// <summary>A4, margins as a 公文 has them; the header from page 2, the page number in the footer.</summary>
    private static SectionProperties Section(MainDocumentPart main)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Para(["工作通讯　2023年第2期"], size: 21, centred: true));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        var footer = main.AddNewPart<FooterPart>();
        var props = new RunProperties(new RunFonts { Ascii = "仿宋", EastAsia = "仿宋", HighAnsi = "仿宋" }, new FontSize { Val = "28" });
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run((RunProperties)props.CloneNode(true), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run((RunProperties)props.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run((RunProperties)props.CloneNode(true), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run((RunProperties)props.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run((RunProperties)props.CloneNode(true), new Text("1")),
            new Run((RunProperties)props.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run((RunProperties)props.CloneNode(true), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 },
            new TitlePage());
    }

    private static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>> { new() };
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                blocks[^1].Add(line.Trim());
            }
            else if (blocks[^1].Count > 0)
            {
                blocks.Add([]);
            }
        }

        return blocks.Where(b => b.Count > 0).ToList();
    }

    private static string Compact(string text) => WhiteSpace().Replace(text, "");

    /// <summary>The 目录 and the body may differ by a character (姚璇 / 姚瑛).</summary>
    private static bool Similar(string toc, string line) =>
        toc.Length == line.Length && toc.Zip(line).Count(p => p.First != p.Second) <= 1;

    private enum Place
    {
        Masthead,
        Toc,
        Body,
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<title>.*?\S)\s*\.{2,}\s*(?<page>\d{1,3})\s*$")]
    private static partial Regex TocLine();

    [GeneratedRegex(@"^[-\s]+$")]
    private static partial Regex RuleLine();
}
