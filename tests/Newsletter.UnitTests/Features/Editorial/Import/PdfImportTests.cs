using Newsletter.Web.Features.Editorial.Import;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// Reading a printed issue from PDF: the page furniture that goes, and the PDFs that are refused in Chinese, naming the
/// file. The fixtures were made from the seed with LibreOffice, not the portal's printer (Fixtures/README.md).
/// </summary>
public class PdfImportTests
{
    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(SeedFiles.Folder)!,
            "tests", "Newsletter.UnitTests", "Features", "Editorial", "Import", "Fixtures", name));

    [Fact]
    public void Page_numbers_running_heads_and_the_masthead_rule_are_not_text()
    {
        var text = PdfIssueReader.ReadText(Fixture("issue-65.libreoffice.pdf"), "issue-65.pdf").Value!;
        var lines = text.Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains("2023年第2期", StringComparison.Ordinal)); // the running head
        Assert.DoesNotContain(lines, l => l.StartsWith('—') && l.EndsWith('—'));               // — 3 —
        Assert.StartsWith("工 作 通 讯\n\n第2期(总第65期)\n\n2023年5月\n\n目 录\n\n工作调研\n\n", text);
    }

    [Fact]
    public void A_toc_entry_wrapped_onto_two_lines_is_one_entry()
    {
        var text = PdfIssueReader.ReadText(Fixture("issue-65.libreoffice.pdf"), "issue-65.pdf").Value!;
        Assert.Contains("\n\n中国计生协在南宁召开全国省级计生协办公室管理能力培训班暨“网上计生协”系统工作部署会", text);
    }

    [Theory]
    [InlineData("— 3 —", true)]
    [InlineData("-3-", true)]
    [InlineData("第3页", true)]
    [InlineData("第 3 页 共 30 页", true)]
    [InlineData("3", true)]
    [InlineData("12 / 30", true)]
    [InlineData("3月", false)]
    [InlineData("第3期", false)]
    [InlineData("2023", false)]
    public void Running_page_numbers_are_recognised(string line, bool isPageNumber)
    {
        Assert.Equal(isPageNumber, PdfFurniture.IsPageNumber(line));
    }

    [Fact]
    public void Page_numbers_and_heads_go_only_at_the_page_edges_and_rules_everywhere()
    {
        static PdfLine At(string text, double baseline) => new(text, 80, 520, baseline, 16);
        string[] numbers = ["— 1 —", "第2页", "3"];
        var pages = Enumerable.Range(1, 3).Select(n => new PdfPageLines(842, [
            At($"工作通讯 2023年第{n}期", 800), At("━━━━━━━━━━", 700), At("3", 500), At("正文", 400), At(numbers[n - 1], 40)])).ToList();

        PdfFurniture.Remove(pages);

        Assert.All(pages, p => Assert.Equal(["3", "正文"], p.Lines.Select(l => l.Text)));
    }

    [Fact]
    public void An_encrypted_pdf_is_refused_naming_the_file()
    {
        var result = IssueFile.Parse(Fixture("issue-65.encrypted.pdf"), "第2期.pdf");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("“第2期.pdf”是加密的 PDF", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scan_without_a_text_layer_is_refused_naming_the_file()
    {
        var result = IssueFile.Parse(Fixture("issue-65.scanned.pdf"), "扫描.pdf");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("“扫描.pdf”这是扫描件，没有文字层", StringComparison.Ordinal)
                                            && e.Contains("请用原始的 Word 文件或带文字的 PDF", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("header only")]
    [InlineData("renamed docx")]
    public void A_damaged_pdf_is_refused_naming_the_file(string kind)
    {
        var pdf = Fixture("issue-65.libreoffice.pdf");
        var bytes = kind switch
        {
            "truncated" => pdf[..(pdf.Length / 3)],
            "garbage" => [.. pdf[..1024], .. Enumerable.Repeat((byte)0x5A, 20_000)],
            "header only" => "%PDF-1.7\n"u8.ToArray(),
            _ => OfficeDocx.Build(SeedFiles.Issue65Text),
        };
        var result = IssueFile.Parse(bytes, "坏文件.pdf");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("“坏文件.pdf”不是有效的 PDF 文件", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_pdf_and_a_pdf_without_text_are_refused()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var blank = IssueFile.Parse(builder.Build(), "空白.pdf");
        Assert.Contains(blank.Errors, e => e.Contains("“空白.pdf”里没有文字", StringComparison.Ordinal));
        Assert.Contains(IssueFile.Parse([], "零.pdf").Errors, e => e.Contains("“零.pdf”是空文件", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pdf_built_line_by_line_reads_in_reading_order()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("second line", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 700), font); // drawn first, printed lower
        page.AddText("First line", 12, new UglyToad.PdfPig.Core.PdfPoint(72, 720), font);
        var text = PdfIssueReader.ReadText(builder.Build(), "x.pdf").Value!;
        Assert.StartsWith("First line", text);
        Assert.Contains("second line", text);
    }
}
