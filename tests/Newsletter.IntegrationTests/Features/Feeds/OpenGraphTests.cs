using System.Net;
using AngleSharp.Dom;

namespace Newsletter.IntegrationTests.Features.Feeds;

/// <summary>Issue and article pages describe themselves to link previews (og:*), in Chinese characters.</summary>
[Collection(SharedPortal.Name)]
public class OpenGraphTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    private async Task<IDocument> PageAsync(string url)
    {
        var (response, document, body) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("&#x", body);
        return document;
    }

    private static string? Meta(IDocument page, string property) =>
        page.Head!.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    [Fact]
    public async Task Issue_page_has_open_graph_meta()
    {
        var page = await PageAsync("/issues/2023/2");
        Assert.Equal("2023年第2期(总第65期)", Meta(page, "og:title"));
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal("http://localhost/issues/2023/2", Meta(page, "og:url"));
        Assert.Equal("工作通讯", Meta(page, "og:site_name"));
        Assert.Equal("zh_CN", Meta(page, "og:locale"));
        var description = page.Head!.QuerySelector("meta[name='description']")!.GetAttribute("content");
        Assert.Equal(description, Meta(page, "og:description"));
        Assert.Contains("杜振宗到自治区计生协调研", description);
        Assert.Equal("http://localhost/issues/2023/2", page.Head.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Article_page_has_open_graph_meta()
    {
        var issue = await PageAsync("/issues/2023/2");
        var href = issue.QuerySelectorAll(".toc a").First(a => a.TextContent == "杜振宗到自治区计生协调研").GetAttribute("href")!;
        var page = await PageAsync(href);
        Assert.Equal("杜振宗到自治区计生协调研", Meta(page, "og:title"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("http://localhost" + href, Meta(page, "og:url"));
        Assert.Equal("工作通讯 2023年第2期(总第65期) · 工作调研：杜振宗到自治区计生协调研", Meta(page, "og:description"));
        Assert.Equal("工作通讯", Meta(page, "og:site_name"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", Meta(page, "article:published_time"));
    }

    [Fact]
    public async Task Every_page_has_a_description_and_the_feed_link_but_og_only_where_set()
    {
        foreach (var url in new[] { "/", "/issues", "/sections", "/sections/briefs" })
        {
            var page = await PageAsync(url);
            Assert.False(string.IsNullOrWhiteSpace(page.Head!.QuerySelector("meta[name='description']")?.GetAttribute("content")));
            var feed = page.Head.QuerySelector("link[rel='alternate'][type='application/atom+xml']")!;
            Assert.Equal("/feed.atom", feed.GetAttribute("href"));
            Assert.Equal("工作通讯", feed.GetAttribute("title"));
            Assert.Null(Meta(page, "og:url"));
        }
    }
}
