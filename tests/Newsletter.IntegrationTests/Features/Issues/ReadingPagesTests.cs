using System.Net;
using AngleSharp.Dom;

namespace Newsletter.IntegrationTests.Features.Issues;

/// <summary>Every reading page renders the real issue 总第65期, in Chinese, from the SQLite file.</summary>
[Collection(SharedPortal.Name)]
public class ReadingPagesTests(PortalFactory portal)
{
    private static readonly string[] SectionOrder = ["工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯"];

    private readonly HttpClient client = portal.CreateClient();

    private async Task<IDocument> PageAsync(string url)
    {
        var (response, document, body) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("&#x", body);
        return document;
    }

    [Fact]
    public async Task Home_shows_the_latest_issue_with_its_toc_and_footer()
    {
        var page = await PageAsync("/");
        Assert.Equal("工作通讯", page.QuerySelector("h1.masthead-title")!.TextContent);
        Assert.Equal("第2期(总第65期)", page.QuerySelector(".masthead-number")!.TextContent);
        Assert.Contains("2023年5月", page.QuerySelector(".masthead-meta")!.TextContent);
        Assert.Equal(15, page.QuerySelectorAll(".toc a[href^='/articles/']").Length);
        Assert.Contains("2023年5月6日印发", page.QuerySelector(".issue-footer")!.TextContent);
    }

    [Fact]
    public async Task Issue_page_has_masthead_toc_in_section_order_and_footer_block()
    {
        var page = await PageAsync("/issues/2023/2");
        Assert.Equal(SectionOrder, page.QuerySelectorAll(".toc-section").Select(h => h.TextContent.Trim()));
        var titles = page.QuerySelectorAll(".toc a").Select(a => a.TextContent).ToList();
        Assert.Equal("杜振宗到自治区计生协调研", titles[0]);
        Assert.Contains("姚瑛到广西调研计生协工作", titles);
        Assert.Contains("广西计生协成功举办2023年生育关怀·微笑行动公益活动", titles);
        var pages = page.QuerySelectorAll(".toc .page").Select(p => p.TextContent).ToList();
        Assert.Equal(["第3页", "第5页", "第7页", "第8页", "第9页", "第11页", "第15页", "第17页", "第25页"], pages);

        var footer = page.QuerySelector(".issue-footer")!.TextContent;
        foreach (var expected in new[] { "尹 红", "潘绍先", "黄玉鹏", "有关领导、中国计生协各部室", "各市、县（市、区）计划生育协会。", "广西壮族自治区计划生育协会", "2023年5月6日印发" })
        {
            Assert.Contains(expected, footer);
        }
    }

    [Fact]
    public async Task Every_toc_link_opens_its_article_with_the_same_title()
    {
        var issue = await PageAsync("/issues/2023/2");
        foreach (var link in issue.QuerySelectorAll(".toc a"))
        {
            var article = await PageAsync(link.GetAttribute("href")!);
            Assert.EndsWith(link.TextContent, article.QuerySelector("h1")!.TextContent);
            Assert.NotEmpty(article.QuerySelector(".article-body")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Signed_reprint_shows_author_title_and_source()
    {
        var page = await ArticleAsync("筑牢健康中国的家庭基石");
        Assert.Contains("中国计划生育协会党组成员、副秘书长", page.QuerySelector(".article-byline")!.TextContent);
        Assert.Equal("何 翔", page.QuerySelector(".author")!.TextContent);
        Assert.Contains("（摘自 2022-11-17 中国计生协官网）", page.QuerySelectorAll(".attribution").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Lecture_shows_date_speaker_and_numbered_headings()
    {
        var page = await ArticleAsync("深刻领悟“两个确立”的决定性意义");
        Assert.Contains("（2023年3月28日）", page.QuerySelector(".article-byline")!.TextContent);
        Assert.Equal("曾强华", page.QuerySelector(".author")!.TextContent);
        var headings = page.QuerySelectorAll(".article-body h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["一、“两个确立”具有决定性意义", "二、深刻把握“两个确立”的核心要义", "三、在坚定捍卫“两个确立”、坚决做到“两个维护”上走在前"], headings);
        Assert.Contains(page.QuerySelectorAll(".article-body strong"), s => s.TextContent == "（一）要深刻把握“两个确立”与“两个维护”的关系。");
    }

    [Fact]
    public async Task Report_shows_its_attribution_and_origin()
    {
        var project = await ArticleAsync("广西计生协成功举办2023年生育关怀·微笑行动公益活动");
        Assert.Equal("（自治区计生协项目部）", project.QuerySelector(".attribution")!.TextContent);
        var origin = await ArticleAsync("中国计生协在南宁召开");
        Assert.Equal("（本文来源：中国计生协）", origin.QuerySelector(".attribution")!.TextContent);
    }

    [Fact]
    public async Task Brief_shows_organisation_and_correspondents()
    {
        var section = await PageAsync("/sections/briefs");
        var links = section.QuerySelectorAll("main li a[href^='/articles/']").ToList();
        Assert.Equal(6, links.Count);
        var brief = await PageAsync(links.Single(a => a.TextContent.StartsWith("叠彩区卫生健康局、区计生协会")).GetAttribute("href")!);
        Assert.Equal("（桂林市叠彩区计生协 刘 名）", brief.QuerySelector(".attribution")!.TextContent);
        Assert.Contains("基层简讯", brief.QuerySelector(".breadcrumb")!.TextContent);
    }

    [Fact]
    public async Task Archive_by_year_lists_the_issue()
    {
        var years = await PageAsync("/issues");
        Assert.Contains("2023年", years.QuerySelector("main h2")!.TextContent);
        var year = await PageAsync("/issues/2023");
        var link = year.QuerySelector("a[href='/issues/2023/2']")!;
        Assert.Contains("第2期(总第65期)", link.TextContent);
        Assert.Contains("2023年5月6日印发", link.TextContent);
    }

    [Fact]
    public async Task Sections_are_listed_in_order_and_each_can_be_browsed()
    {
        var sections = await PageAsync("/sections");
        var links = sections.QuerySelectorAll("main .list-group a").ToList();
        Assert.Equal(SectionOrder, links.Select(a => a.TextContent));
        var expectedCounts = new[] { 2, 3, 2, 1, 1, 6 };
        for (var i = 0; i < links.Count; i++)
        {
            var page = await PageAsync(links[i].GetAttribute("href")!);
            Assert.Equal(expectedCounts[i], page.QuerySelectorAll("main ul.list-unstyled > li").Length);
        }
    }

    [Theory]
    [InlineData("/issues/2030", "2030年没有已发布的工作通讯")]
    [InlineData("/issues/2023/9", "没有找到2023年第9期工作通讯")]
    [InlineData("/issues/2023/s1", "没有找到2023年增刊第1期工作通讯")]
    [InlineData("/articles/99999", "没有找到编号为 99999 的文章")]
    [InlineData("/sections/nope", "没有这个栏目")]
    [InlineData("/sections/briefs?page=5", "只有 1 页")]
    [InlineData("/articles/abc", "您要找的页面不存在")]
    [InlineData("/issues/2023/99999999999", "您要找的页面不存在")]
    [InlineData("/no/such/page", "您要找的页面不存在")]
    public async Task Unknown_addresses_get_a_chinese_404(string url, string message)
    {
        var (response, document, body) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, document.QuerySelector("main")!.TextContent);
        Assert.Contains("没有找到您要的内容", body);
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css", "text/css")]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js", "text/javascript")]
    public async Task Static_assets_come_back_non_empty(string url, string type)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    private async Task<IDocument> ArticleAsync(string titleStart)
    {
        var issue = await PageAsync("/issues/2023/2");
        var link = issue.QuerySelectorAll(".toc a").Single(a => a.TextContent.StartsWith(titleStart, StringComparison.Ordinal));
        return await PageAsync(link.GetAttribute("href")!);
    }
}
