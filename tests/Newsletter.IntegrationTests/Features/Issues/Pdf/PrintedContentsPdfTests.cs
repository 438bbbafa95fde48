using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;
using UglyToad.PdfPig;

namespace Newsletter.IntegrationTests.Features.Issues.Pdf;

/// <summary>
/// The PDF's 目录 never leaves page 2 nearly empty: one that <see cref="PrintContents"/> lets end page 1 really fits there
/// (checked at the estimate's limit, with the longest one-line titles), and a longer one is followed on page 2 by the articles.
/// </summary>
public sealed partial class PrintedContentsPdfTests : IDisposable
{
    private const string Filler = "计生协会基层组织建设工作的通知要求与落实情况报告汇编及其附件说明";

    private static readonly string Marks = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰乾午未申酉戌亥天地人和春夏秋冬";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>An issue of 2024 with one section of <paramref name="count"/> articles, titles as long as one 目录 line takes.</summary>
    private async Task<(List<string> Titles, IReadOnlyList<TocSection> Toc)> PublishAsync(int number, int count)
    {
        var titles = Enumerable.Range(0, count).Select(i => Marks[i] + Filler[..(PrintContents.CharactersPerLine - 1)]).ToList();
        var toc = await portal.WithDbAsync(async db =>
        {
            var section = await db.Sections.OrderBy(s => s.SortOrder).FirstAsync(s => s.Kind != SectionKind.Briefs);
            var now = DateTime.UtcNow;
            var issue = new Issue { Year = 2024, Number = number, CoverMonth = 1, PrintDate = new DateOnly(2024, 1, 5), CreatedAt = now, UpdatedAt = now };
            issue.Articles.AddRange(titles.Select((title, i) => new Article
            {
                Title = title, Section = section, Position = i + 1, CreatedAt = now, UpdatedAt = now,
                Body = string.Concat(Enumerable.Repeat("各级计生协围绕中心工作，扎实开展基层组织建设，取得了明显成效。", 6)),
            }));
            issue.PublishAsPrinted(now);
            db.Issues.Add(issue);
            await db.SaveChangesAsync();
            return issue.TableOfContents();
        });
        return (titles, toc);
    }

    private async Task<List<string>> PagesAsync(int number)
    {
        var response = await portal.CreateClient().GetAsync($"/issues/2024/{number}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return pdf.GetPages().Select(p => Whitespace().Replace(p.Text, "")).ToList();
    }

    [Fact]
    public async Task A_toc_at_the_estimates_limit_fits_page_one_and_the_articles_start_on_page_two()
    {
        var count = (PrintContents.FirstPageTenths - PrintContents.HeadingTenths) / 10;
        var (titles, toc) = await PublishAsync(1, count);
        Assert.True(PrintContents.FitsFirstPage(toc));
        Assert.False(PrintContents.FitsFirstPage((await PublishAsync(2, count + 1)).Toc));

        var pages = await PagesAsync(1);
        Assert.All(titles, t => Assert.True(Regex.IsMatch(pages[0], Regex.Escape(t) + @"\d+"), $"{t} with its page is not on page 1: {pages[0]}"));
        Assert.DoesNotContain("各级计生协围绕中心工作", pages[0]);
        Assert.StartsWith(toc[0].Section.Name + titles[0] + "各级计生协", pages[1]);
    }

    [Fact]
    public async Task A_longer_toc_is_followed_by_the_articles_on_page_two_without_a_break()
    {
        var (titles, toc) = await PublishAsync(3, 27);
        Assert.False(PrintContents.FitsFirstPage(toc));

        var print = await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2024/3/print"));
        Assert.Equal("bf-toc bf-toc-long", print.QuerySelector("nav")!.ClassName);
        Assert.StartsWith("目录页码见本期 PDF 版", print.QuerySelector(".bf-toc-note")!.TextContent); // no printed pages to show

        var pages = await PagesAsync(3);
        Assert.Contains("目录", pages[0]);
        Assert.Contains(titles[^1], pages[1]); // the 目录's last lines …
        Assert.Contains(toc[0].Section.Name + titles[0] + "各级计生协", pages[1]); // … then the first article on the same page
        Assert.True(pages[1].Length > 300, $"page 2 holds {pages[1].Length} characters");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
