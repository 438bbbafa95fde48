using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;

namespace Newsletter.UnitTests.Features.Issues;

public class PrintContentsTests
{
    private static readonly Section Research = new() { Id = 1, Name = "工作调研", Slug = "research" };

    private static readonly Section Briefs = new() { Id = 2, Name = "基层简讯", Slug = "briefs", Kind = SectionKind.Briefs };

    private static TocSection Toc(Section section, params int[] titleLengths) =>
        new(section, titleLengths.Select(n => new Article { Title = new string('计', n), PrintedPage = null }).ToList());

    [Fact]
    public void Tenths_count_a_heading_and_each_wrapped_line_and_briefs_as_one_heading()
    {
        Assert.Equal(13 + 10 + 20, PrintContents.Tenths([Toc(Research, PrintContents.CharactersPerLine, PrintContents.CharactersPerLine + 1)]));
        Assert.Equal(13, PrintContents.Tenths([Toc(Briefs, 40, 40, 40, 40, 40, 40)]));
    }

    [Fact]
    public void Fits_first_page_up_to_the_limit_and_not_beyond()
    {
        var lines = (PrintContents.FirstPageTenths - PrintContents.HeadingTenths) / 10;
        Assert.True(PrintContents.FitsFirstPage([Toc(Research, Enumerable.Repeat(10, lines).ToArray())]));
        Assert.False(PrintContents.FitsFirstPage([Toc(Research, Enumerable.Repeat(10, lines + 1).ToArray())]));
    }

    [Fact]
    public void Briefs_show_the_printed_page_of_their_first_brief_that_has_one()
    {
        var briefs = new TocSection(Briefs, [new Article { Title = "甲" }, new Article { Title = "乙", PrintedPage = 25 }, new Article { Title = "丙", PrintedPage = 26 }]);
        Assert.Equal(25, PrintContents.PrintedPage(briefs));
        Assert.Null(PrintContents.PrintedPage(Toc(Briefs, 3)));
        Assert.False(PrintContents.HasPrintedPages([Toc(Research, 3)]));
        Assert.True(PrintContents.HasPrintedPages([briefs]));
    }
}
