using System.Net;

namespace Newsletter.IntegrationTests.Features.Issues;

/// <summary>The A4 简报 print layout of a whole issue.</summary>
[Collection(SharedPortal.Name)]
public class PrintViewTests(PortalFactory portal)
{
    [Fact]
    public async Task Print_view_has_masthead_toc_with_pages_all_articles_and_the_footer_block()
    {
        var client = portal.CreateClient();
        var response = await client.GetAsync("/issues/2023/2/print");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);

        Assert.Equal("工 作 通 讯", page.QuerySelector(".bf-title")!.TextContent);
        Assert.Equal("第2期(总第65期)", page.QuerySelector(".bf-number")!.TextContent);
        var meta = page.QuerySelector(".bf-meta")!.TextContent;
        Assert.Contains("广西壮族自治区计划生育协会", meta);
        Assert.Contains("2023年5月6日", meta);
        Assert.Contains("内部资料 免费交流", page.QuerySelector(".bf-internal")!.TextContent);

        Assert.Equal(["工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯（6 条）"],
            page.QuerySelectorAll(".bf-toc h3").Select(h => h.QuerySelector("a")?.TextContent ?? h.TextContent));
        var pages = page.QuerySelectorAll(".bf-toc .bf-page").Select(p => p.TextContent).Where(p => p.Length > 0);
        Assert.Equal(["3", "5", "7", "8", "9", "11", "15", "17", "25"], pages);
        Assert.Equal(15, page.QuerySelectorAll("main article").Length);
        Assert.Equal(9, page.QuerySelectorAll(".bf-toc li a").Length);
        foreach (var link in page.QuerySelectorAll(".bf-toc a"))
        {
            Assert.NotNull(page.QuerySelector(link.GetAttribute("href")!));
        }

        Assert.Contains("（摘自 2022-12-08 中国计生协官网）", page.QuerySelectorAll(".bf-attribution").Select(a => a.TextContent));
        Assert.Contains("（桂林市叠彩区计生协 刘 名）", page.QuerySelectorAll(".bf-brief .bf-attribution").Select(a => a.TextContent));
        var footer = page.QuerySelector(".bf-footer")!.TextContent;
        foreach (var expected in new[] { "总编辑：尹 红", "编辑：潘绍先", "责任编辑：黄玉鹏", "送：", "有关领导、中国计生协各部室", "发：", "各市、县（市、区）计划生育协会。", "2023年5月6日印发" })
        {
            Assert.Contains(expected, footer);
        }

        Assert.Contains("/css/print.css", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task Print_view_says_its_toc_numbers_are_the_printed_issues_and_briefs_are_one_line_with_their_page()
    {
        var page = await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2023/2/print"));
        Assert.Contains("原印刷版的页码", page.QuerySelector(".bf-toc .bf-toc-note")!.TextContent);
        Assert.Contains("PDF 版的目录按 PDF 的页码", page.QuerySelector(".bf-toc .bf-toc-note")!.TextContent);

        // Every heading of the 目录 has entries under it, except 基层简讯, which is itself one entry pointing at its section.
        foreach (var heading in page.QuerySelectorAll(".bf-toc h3:not(.bf-toc-briefs)"))
        {
            Assert.NotEmpty(heading.NextElementSibling!.QuerySelectorAll("li"));
        }

        var briefs = Assert.Single(page.QuerySelectorAll(".bf-toc h3.bf-toc-briefs"));
        var target = page.QuerySelector(briefs.QuerySelector("a")!.GetAttribute("href")!)!;
        Assert.Equal(("H2", "基层简讯"), (target.TagName, target.TextContent));
        Assert.Equal(6, target.ParentElement!.QuerySelectorAll(".bf-brief").Length);
        Assert.Equal("bf-toc", page.QuerySelector("nav.bf-toc")!.ClassName); // 目录 fits page 1: it ends the page
    }

    [Fact]
    public async Task Article_page_of_an_imported_issue_keeps_its_printed_page()
    {
        var page = await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2023/2"));
        var first = page.QuerySelector("a[href^='/articles/']")!.GetAttribute("href")!;
        var article = await Html.ParseAsync(await portal.CreateClient().GetStringAsync(first));
        Assert.Contains("刊于 2023年第2期(总第65期) · 印刷版第 3 页", System.Text.RegularExpressions.Regex.Replace(article.QuerySelector("main")!.TextContent, @"\s+", " "));
    }

    [Fact]
    public async Task Print_css_sets_a4_and_the_red_masthead()
    {
        var css = await portal.CreateClient().GetStringAsync("/css/print.css");
        Assert.Contains("size: A4", css);
        Assert.Contains("--bf-red: #c8161d", css);
        Assert.Contains("Noto Serif CJK SC", css);
    }

    [Fact]
    public async Task Unknown_issue_print_view_is_a_chinese_404()
    {
        var response = await portal.CreateClient().GetAsync("/issues/2023/9/print");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有找到2023年第9期工作通讯", await response.Content.ReadAsStringAsync());
    }
}
