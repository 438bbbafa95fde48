using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// Lines into paragraphs where LibreOffice's PDFs of office-made issues put them (positions as in the import benchmark's
/// PDFs: A4, body 16 pt from x 79.5 to 520.6, titles 18 pt centred).
/// </summary>
public class PdfParagraphsTests
{
    private const string Full = "计生协干部进行座谈交流，并对新形势下加快推动计生协改革转型";

    private static PdfLine Body(string text, double baseline) => new(text, 79.5, 520.6, baseline, 16);

    private static List<PdfLine> BodyLines(double from, int count) =>
        Enumerable.Range(0, count).Select(i => Body(Full, from - (i * 21))).ToList();

    [Fact]
    public void A_right_aligned_attribution_ends_its_paragraph_before_a_line_at_the_left_margin()
    {
        var page = BodyLines(760, 5);
        page.Add(new PdfLine("（北海市海城区）", 345.8, 521.8, 640, 16));
        page.Add(new PdfLine("总编辑：尹 红 编辑：潘绍先 责任编辑：黄玉鹏", 79.5, 370.4, 619, 16));

        var text = PdfParagraphs.Write([page]);

        Assert.Contains("\n\n（北海市海城区）\n\n总编辑：尹 红", text);
    }

    [Fact]
    public void A_centred_title_broken_over_the_page_is_one_title()
    {
        var first = BodyLines(760, 5);
        first.Add(new PdfLine("中国计生协在南宁召开全国省级计生协办公室管理能力", 84.6, 516.6, 110, 18));
        var second = new List<PdfLine> { new("培训班广西计生协成功举办2023年生育关怀", 124.2, 477.1, 730, 18) };
        second.AddRange(BodyLines(700, 5));

        var text = PdfParagraphs.Write([first, second]);

        Assert.Contains("\n\n中国计生协在南宁召开全国省级计生协办公室管理能力培训班广西计生协成功举办2023年生育关怀\n\n", text);
    }

    [Fact]
    public void A_body_paragraph_running_over_the_page_does_not_take_in_a_centred_title()
    {
        var first = BodyLines(760, 5);
        var second = new List<PdfLine> { new("培训班广西计生协成功举办2023年生育关怀", 124.2, 477.1, 730, 18) };
        second.AddRange(BodyLines(700, 5));

        var text = PdfParagraphs.Write([first, second]);

        Assert.Contains($"{Full}\n\n培训班广西计生协成功举办2023年生育关怀\n\n{Full}", text);
    }
}
