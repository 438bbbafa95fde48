using System.Net;
using AngleSharp.Dom;

namespace Newsletter.IntegrationTests.Features.ReadingAids;

/// <summary>
/// 适老化: the 大字 and 高对比度 toggles in every page's header, the 打印 button on issue and article pages,
/// and the script and styles behind them, without inline script. (Their behaviour in a browser is for Playwright.)
/// </summary>
[Collection(SharedPortal.Name)]
public class ReadingAidsTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    private async Task<IDocument> PageAsync(string url)
    {
        var (response, document, _) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    private async Task<string> ArticleUrlAsync() =>
        (await PageAsync("/issues/2023/2")).QuerySelector(".toc a")!.GetAttribute("href")!;

    [Theory]
    [InlineData("/")]
    [InlineData("/issues/2023/2")]
    [InlineData("/sections")]
    [InlineData("/account/login")]
    public async Task Header_has_the_two_toggles_as_real_buttons(string url)
    {
        var page = await PageAsync(url);
        var group = page.QuerySelector("header [role='group'][aria-labelledby]")!;
        Assert.Equal("阅读辅助", page.GetElementById(group.GetAttribute("aria-labelledby")!)!.TextContent);
        var buttons = group.QuerySelectorAll("button[data-reading-aid]").ToList();
        Assert.Equal(["大字", "高对比度"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(["large", "contrast"], buttons.Select(b => b.GetAttribute("data-reading-aid")));
        Assert.All(buttons, b =>
        {
            Assert.Equal("button", b.GetAttribute("type"));
            Assert.Equal("false", b.GetAttribute("aria-pressed"));
        });
    }

    [Fact]
    public async Task Script_runs_from_a_file_in_the_head_before_the_stylesheets()
    {
        var page = await PageAsync("/");
        var head = page.Head!.Children.ToList();
        var script = head.FindIndex(e => e.LocalName == "script" && (e.GetAttribute("src") ?? "").StartsWith("/js/reading-aids.js", StringComparison.Ordinal));
        var firstStylesheet = head.FindIndex(e => e.LocalName == "link" && e.GetAttribute("rel") == "stylesheet");
        Assert.InRange(script, 0, firstStylesheet - 1);
        Assert.False(head[script].HasAttribute("async") || head[script].HasAttribute("defer"));
    }

    [Fact]
    public async Task Print_button_is_on_issue_and_article_pages_only()
    {
        foreach (var url in new[] { "/issues/2023/2", await ArticleUrlAsync() })
        {
            var print = (await PageAsync(url)).QuerySelector("main button[data-print]")!;
            Assert.Equal("打印", print.TextContent.Trim());
            Assert.Equal("button", print.GetAttribute("type"));
        }

        Assert.Null((await PageAsync("/sections")).QuerySelector("button[data-print]"));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_handlers_or_styles_in_the_new_markup()
    {
        foreach (var url in new[] { "/", "/issues/2023/2", await ArticleUrlAsync() })
        {
            var page = await PageAsync(url);
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.Empty(page.QuerySelectorAll(".reading-aids [style], .print-action [style], .print-action[style]"));
        }
    }

    [Fact]
    public async Task Skip_link_comes_first_and_leads_to_the_main_content()
    {
        var page = await PageAsync("/issues/2023/2");
        var first = page.Body!.QuerySelector("a, button, input, select, textarea")!;
        Assert.Equal("跳到正文", first.TextContent);
        Assert.Equal("#main", first.GetAttribute("href"));
        Assert.Equal("main", page.GetElementById("main")!.LocalName);
    }

    [Fact]
    public async Task Script_is_served_and_does_what_the_markup_expects()
    {
        var response = await client.GetAsync("/js/reading-aids.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        foreach (var expected in new[] { "localStorage", "aria-pressed", "data-reading-aid", "aid-large", "aid-contrast", "data-print", "window.print()", "DOMContentLoaded" })
        {
            Assert.Contains(expected, script);
        }
    }

    [Fact]
    public async Task Styles_are_served_with_the_reading_aids_block()
    {
        var css = await client.GetStringAsync("/css/site.css");
        foreach (var expected in new[] { "Reading aids", "html.aid-large { font-size: 125%; }", "html.aid-contrast", "#ff0", ":focus-visible", ".skip-link:focus", "@media print" })
        {
            Assert.Contains(expected, css);
        }
    }
}
