using System.Net;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>The results page of issue 19: 您要找的是不是…, hits grouped under their issue, a date range, searching one issue.</summary>
[Collection(SharedPortal.Name)]
public class SearchResultsPageTests(PortalFactory portal)
{
    private const string Tuoyu = "托育";

    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task A_near_name_with_results_is_offered_for_a_query_without_any()
    {
        // 姚璇 is the real issue's own 目录 typo for 姚瑛.
        var page = await SearchPage.GetAsync(client, "姚璇");
        Assert.Equal(0, page.Count);
        var link = page.Document.QuerySelector("#did-you-mean a")!;
        Assert.Equal("姚瑛", link.TextContent);
        var offered = await client.GetAsync(link.GetAttribute("href"));
        var document = await Html.ParseAsync(await offered.Content.ReadAsStringAsync());
        Assert.Equal("姚瑛到广西调研计生协工作", document.QuerySelector(".search-results h3 a")!.TextContent);

        var unspaced = await SearchPage.GetAsync(client, "姚璇调研");
        Assert.Equal("姚瑛调研", unspaced.Document.QuerySelector("#did-you-mean a")!.TextContent);
        Assert.Null((await SearchPage.GetAsync(client, "托育")).Document.QuerySelector("#did-you-mean"));
        Assert.Null((await SearchPage.GetAsync(client, "量子计算机")).Document.QuerySelector("#did-you-mean"));
    }

    [Fact]
    public async Task Hits_are_grouped_under_their_issue_with_its_label_and_link()
    {
        var page = await SearchPage.GetAsync(client, "计生协");
        var heading = page.Document.QuerySelector(".search-issue h2 a")!;
        Assert.Equal("2023年第2期(总第65期)", heading.TextContent);
        Assert.Equal("/issues/2023/2", heading.GetAttribute("href"));
        Assert.Equal(10, page.Titles.Count);
    }

    [Fact]
    public async Task A_date_range_keeps_the_issues_dated_within_it()
    {
        Assert.Equal(2, (await SearchPage.GetAsync(client, Tuoyu, "&from=2023-05-01&to=2023-05-31")).Count);
        Assert.Equal(0, (await SearchPage.GetAsync(client, Tuoyu, "&from=2023-06-01")).Count);
        Assert.Equal(0, (await SearchPage.GetAsync(client, Tuoyu, "&to=2023-04-30")).Count);

        var reversed = await SearchPage.GetAsync(client, Tuoyu, "&from=2023-05-31&to=2023-05-01");
        Assert.Equal(2, reversed.Count);
        Assert.Contains("起止日期填反了，已对调。", reversed.Document.QuerySelector("main")!.TextContent);
        Assert.Equal("2023-05-01", reversed.Document.QuerySelector("#from")!.GetAttribute("value"));

        var wrong = await SearchPage.GetAsync(client, Tuoyu, "&from=2023-13-45");
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(2, wrong.Count);
        Assert.Contains("日期格式不对", wrong.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_issue_page_searches_within_that_issue()
    {
        var issuePage = await Html.ParseAsync(await client.GetStringAsync("/issues/2023/2"));
        var form = issuePage.QuerySelector("main form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        var issueId = form.QuerySelector("input[name=issue]")!.GetAttribute("value");

        var page = await SearchPage.GetAsync(client, Tuoyu, $"&issue={issueId}");
        Assert.Equal(2, page.Count);
        Assert.Contains("只在 2023年第2期(总第65期) 中搜索", page.Document.QuerySelector("#search-within")!.TextContent);
        Assert.Equal(issueId, page.Document.QuerySelector("main form[role=search] input[name=issue]")!.GetAttribute("value"));
        Assert.Contains($"issue={issueId}", page.Document.QuerySelector(".small a[href*='sort=Date']")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.NotFound, (await SearchPage.GetAsync(client, Tuoyu, "&issue=999999")).Status);
    }
}
