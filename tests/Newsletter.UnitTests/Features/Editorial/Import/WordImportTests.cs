using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using V = DocumentFormat.OpenXml.Vml;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Wps = DocumentFormat.OpenXml.Office2010.Word.DrawingShape;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// The real issue 总第65期 as an editor would have it in Word: headings in heading styles, part of the
/// 目录 as a table, wrapped lines as soft breaks, text in many runs. It must yield the same facts as
/// the text import (<see cref="SeedIssueImportTests"/>), and bad Word files must be refused in Chinese.
/// </summary>
public class WordImportTests
{
    private static readonly ParsedIssue Issue = Parse(SeedDocx.Build(SeedFiles.Issue65Text));

    private static ParsedIssue Parse(byte[] docx)
    {
        var result = IssueFile.Parse(docx, "工作通讯2023年第2期.docx");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static ParsedArticle Item(string titleStart) =>
        Issue.AllItems.Single(a => a.Title.StartsWith(titleStart, StringComparison.Ordinal));

    [Fact]
    public void Masthead_sections_and_items_are_read_from_word()
    {
        Assert.Equal((2023, 2, 65, 5, false), (Issue.Year, Issue.Number, Issue.SerialNumber, Issue.CoverMonth, Issue.IsSupplement));
        Assert.Equal(["工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯"], Issue.Sections.Select(s => s.Name));
        Assert.Equal(9, Issue.AllItems.Count(a => !a.IsBrief));
        Assert.Equal(6, Issue.AllItems.Count(a => a.IsBrief));
        Assert.All(Issue.Sections[^1].Items, a => Assert.True(a.IsBrief));
        Assert.Equal<int?>([3, 5, 7, 8, 9, 11, 15, 17, 25], Issue.AllItems.Where(a => !a.IsBrief).Select(a => a.PrintedPage));
    }

    [Fact]
    public void Body_heading_wins_over_the_toc_title_with_a_warning()
    {
        Assert.Equal("姚瑛到广西调研计生协工作", Item("姚").Title);
        Assert.Equal("姚璇到广西调研计生协工作", Item("姚").TocTitle);
        Assert.Contains(Issue.Warnings, w => w.Contains("姚璇") && w.Contains("姚瑛"));
        Assert.Contains(Issue.AllItems, a => a.Title == "广西计生协成功举办2023年生育关怀·微笑行动公益活动");
    }

    [Fact]
    public void Attributions_sources_authors_and_datelines_are_fields()
    {
        var briefs = Issue.Sections[^1].Items;
        Assert.Equal(("桂林市叠彩区计生协", "刘 名"), (briefs[1].AttributionOrganization, briefs[1].Correspondents));
        Assert.Equal(("合浦县卫生健康局", "吴秀晓、李耀来、何义萍"), (briefs[3].AttributionOrganization, briefs[3].Correspondents));
        Assert.Equal("自治区计生协", Item("杜振宗").AttributionOrganization);
        Assert.Equal((SourceKind.Excerpt, "中国计生协官网", new DateOnly(2022, 12, 8)),
            (Item("优化人口").SourceKind, Item("优化人口").SourceName, Item("优化人口").SourceDate));
        Assert.Equal(("何 翔", "中国计划生育协会党组成员、副秘书长"), (Item("筑牢").AuthorName, Item("筑牢").AuthorTitle));
        Assert.Equal((new DateOnly(2023, 3, 28), "曾强华"), (Item("深刻领悟").Dateline, Item("深刻领悟").AuthorName));
        Assert.All(Issue.AllItems, a => Assert.DoesNotContain("（自治区计生协", a.Body));
    }

    [Fact]
    public void Paragraph_cut_by_a_page_break_is_joined_and_footer_is_read()
    {
        Assert.Single(Item("杜振宗到").Paragraphs, p => p.Contains("真情关爱计生困难家庭，为他们提供力所能及的服务。", StringComparison.Ordinal));
        Assert.Equal(("尹 红", "潘绍先", "黄玉鹏"), (Issue.ChiefEditor, Issue.Editor, Issue.ResponsibleEditor));
        Assert.Equal("有关领导、中国计生协各部室、自治区卫生健康委、自治区计生协会会长、副会长。", Issue.SendTo);
        Assert.Equal(new DateOnly(2023, 5, 6), Issue.PrintDate);
    }

    [Fact]
    public void Every_item_matches_the_text_import_field_by_field()
    {
        var fromText = PlainTextIssueParser.Parse(SeedFiles.Issue65Bytes).Value!.AllItems.ToList();
        var fromWord = Issue.AllItems.ToList();
        Assert.Equal(fromText.Count, fromWord.Count);
        foreach (var (text, word) in fromText.Zip(fromWord))
        {
            Assert.Equal((text.Title, text.AuthorName, text.AttributionOrganization, text.Correspondents, text.SourceName),
                (word.Title, word.AuthorName, word.AttributionOrganization, word.Correspondents, word.SourceName));
            Assert.Equal(text.Body, word.Body);
        }
    }

    [Fact]
    public void Field_codes_deleted_text_and_soft_breaks_are_read_as_word_shows_them()
    {
        var docx = SeedDocx.Create(body =>
        {
            var toc = new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGEREF _Toc1 \\h ")), new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("杜振宗到自治区计生协调研")), new Run(new TabChar()), new Run(new Text("3")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            body.Append(new SdtBlock(new SdtContentBlock(toc)));
            body.Append(new Paragraph(new Run(new Text("第一行")), new DeletedRun(new Run(new DeletedText("删掉的"))),
                new Run(new Break(), new Text("第二行"))));
        });
        var text = WordIssueReader.ReadText(docx).Value!;
        Assert.Equal("杜振宗到自治区计生协调研\t3\n\n第一行\n第二行\n", text);
    }

    [Fact]
    public void From_the_toc_on_a_heading_wrapped_by_hand_stays_one_line()
    {
        var docx = SeedDocx.Create(body => body.Append(
            SeedDocx.Paragraph("Heading2", ["第2期(总第65期)", "2023年5月"]),
            SeedDocx.Paragraph("TOCHeading", ["目 录"]),
            SeedDocx.Paragraph("1", ["工作", "调研"]),
            SeedDocx.Paragraph("Heading2", ["广西计生协成功举办2023年生育关怀·微笑行动", "公益活动"]),
            SeedDocx.Paragraph(null, ["第一行", "第二行"])));
        Assert.Equal("第2期(总第65期)\n2023年5月\n\n目 录\n\n工作调研\n\n广西计生协成功举办2023年生育关怀·微笑行动公益活动\n\n第一行\n第二行\n",
            WordIssueReader.ReadText(docx).Value);
    }

    [Fact]
    public void A_text_box_is_read_once_before_its_paragraph()
    {
        static TextBoxContent Box() => new(new Paragraph(new Run(new Text("第2期(总第65期)"))));
        var shape = new Wps.WordprocessingShape(new Wps.TextBoxInfo2(Box()));
        var graphic = new A.Graphic(new A.GraphicData(shape) { Uri = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape" });
        var docx = SeedDocx.Create(body => body.Append(new Paragraph(
            new Run(new AlternateContent(new AlternateContentChoice(new Drawing(new Wp.Anchor(graphic))) { Requires = "wps" },
                new AlternateContentFallback(new Picture(new V.Shape(new V.TextBox(Box())))))),
            new Run(new Text("2023年5月")))));
        Assert.Equal("第2期(总第65期)\n\n2023年5月\n", WordIssueReader.ReadText(docx).Value);
    }

    [Theory]
    [InlineData("random.docx", "这不是有效的 Word 文件（.docx）")]
    [InlineData("corrupt.docx", "这不是有效的 Word 文件（.docx）")]
    [InlineData("zip.docx", "这不是有效的 Word 文件（.docx）")]
    [InlineData("empty.docx", "文件是空的")]
    [InlineData("blank.docx", "没有文字")]
    [InlineData("notoc.docx", "找不到目录")]
    [InlineData("old.doc", "请在 Word 中另存为 .docx 后再导入。")]
    [InlineData("renamed-doc.docx", "请在 Word 中另存为 .docx 后再导入。")]
    [InlineData("issue.pdf", "“issue.pdf”不是有效的 PDF 文件")]
    public void Bad_word_files_are_refused_in_chinese(string name, string message)
    {
        var bytes = name switch
        {
            "random.docx" => RandomBytes(zipHeader: false),
            "corrupt.docx" => RandomBytes(zipHeader: true),
            "zip.docx" => ZipWithout(),
            "empty.docx" => [],
            "blank.docx" => SeedDocx.Create(_ => { }),
            "notoc.docx" => SeedDocx.Build("工作通讯\n\n第2期(总第65期)\n\n2023年5月\n\n没有目录的一段话。\n"),
            "issue.pdf" => "%PDF-1.7"u8.ToArray(),
            _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        };
        var result = IssueFile.Parse(bytes, name);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    private static byte[] RandomBytes(bool zipHeader)
    {
        var bytes = new byte[4096];
        new Random(65).NextBytes(bytes);
        if (zipHeader)
        {
            "PK\u0003\u0004"u8.CopyTo(bytes);
        }

        return bytes;
    }

    private static byte[] ZipWithout()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open(), Encoding.UTF8);
            entry.Write("不是 Word 文件");
        }

        return stream.ToArray();
    }
}
