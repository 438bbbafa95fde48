using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// Builds a .docx from an issue's text the way an editor's Word file holds it: one paragraph per
/// paragraph of the text (its wrapped lines as soft breaks), section names in 标题 1 (style id "1", as
/// Chinese Word writes it), article titles in Heading 2, the 协会活动 and 学习文选 parts of the 目录 as
/// a table of title and page cells, and every paragraph cut into runs of varying format.
/// </summary>
internal static partial class SeedDocx
{
    private static readonly string[] SectionNames = ["工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯"];
    private static readonly string[] TableSections = ["协会活动", "学习文选"];

    public static byte[] Build(string text) => Create(body => Fill(body, text));

    public static byte[] Create(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(Style("Title", "Title"), Style("1", "heading 1"),
                Style("Heading2", "heading 2"), Style("TOCHeading", "TOC Heading", basedOn: "1", outline: 9), Style("TOC1", "toc 1"));
            var body = new Body();
            fill(body);
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static void Fill(Body body, string text)
    {
        var blocks = Blocks(text);
        var tocTitles = blocks.SelectMany(b => b).Select(l => TocLine().Match(l)).Where(m => m.Success)
            .Select(m => m.Groups["title"].Value).ToList();
        bool IsTitle(string line) => tocTitles.Any(t => Titles.Match(t, line));
        var inToc = false;
        Table? table = null;
        foreach (var block in blocks)
        {
            var compact = TextRules.Compact(string.Concat(block));
            if (compact == "目录")
            {
                inToc = true;
                body.Append(Paragraph("TOCHeading", block));
            }
            else if (inToc && !IsTitle(block[0]))
            {
                foreach (var line in block.Where(l => !RuleLine().IsMatch(l)))
                {
                    var entry = TocLine().Match(line);
                    if (!entry.Success)
                    {
                        body.Append(Paragraph("1", [line]));
                        table = TableSections.Contains(TextRules.Compact(line)) ? new Table() : null;
                        body.Append(table ?? (OpenXmlElement)new Paragraph());
                    }
                    else if (table is not null)
                    {
                        table.Append(new TableRow(Cell(entry.Groups["title"].Value), Cell(entry.Groups["page"].Value)));
                    }
                    else
                    {
                        body.Append(Paragraph("TOC1", [line]));
                    }
                }
            }
            else
            {
                inToc = false;
                var style = compact == "工作通讯" ? "Title" : SectionNames.Contains(compact) ? "1" : IsTitle(compact) ? "Heading2" : null;
                body.Append(Paragraph(style, SoftBreaks(block)));
            }
        }
    }

    /// <summary>The text's wrapped lines, plus a wrapped title and a long paragraph broken by hand.</summary>
    private static List<string> SoftBreaks(List<string> block)
    {
        var line = block[0];
        if (block.Count == 1 && line.Contains("微笑行动 公益活动", StringComparison.Ordinal))
        {
            return [line[..line.IndexOf(" 公益", StringComparison.Ordinal)], "公益活动"];
        }

        if (block.Count == 1 && line.StartsWith("为深入学习贯彻", StringComparison.Ordinal))
        {
            var comma = line.IndexOf('，') + 1;
            return [line[..comma], line[comma..]];
        }

        return block;
    }

    private static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>> { new() };
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                blocks[^1].Add(line.TrimEnd());
            }
            else if (blocks[^1].Count > 0)
            {
                blocks.Add([]);
            }
        }

        return blocks.Where(b => b.Count > 0).ToList();
    }

    public static Paragraph Paragraph(string? style, List<string> lines)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            var pieces = lines[i].Split('\t');
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0)
                {
                    paragraph.Append(new Run(new TabChar()));
                }

                for (var at = 0; at < pieces[p].Length; at += 15)
                {
                    var run = new Run(new Text(pieces[p].Substring(at, Math.Min(15, pieces[p].Length - at))) { Space = SpaceProcessingModeValues.Preserve });
                    if (at % 2 == 1)
                    {
                        run.PrependChild(new RunProperties(new Bold()));
                    }

                    paragraph.Append(run);
                }
            }
        }

        return paragraph;
    }

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));

    private static Style Style(string id, string name, string? basedOn = null, int? outline = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (outline is not null)
        {
            style.Append(new StyleParagraphProperties(new OutlineLevel { Val = outline }));
        }

        return style;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<title>.*?\S)\s*\.{2,}\s*(?<page>\d{1,3})$")]
    private static partial System.Text.RegularExpressions.Regex TocLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-\s]+$")]
    private static partial System.Text.RegularExpressions.Regex RuleLine();
}
