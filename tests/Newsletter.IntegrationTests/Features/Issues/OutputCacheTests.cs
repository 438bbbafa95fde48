using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Issues;

/// <summary>
/// Anonymous reading pages come from the output cache; a publish, withdrawal or correction evicts them at once,
/// members never share a cached page, and pages and assets are compressed and cached as they should be.
/// </summary>
public sealed class OutputCacheTests : IDisposable
{
    private const string SeedTitle = "杜振宗到自治区计生协调研";

    private readonly PortalFactory portal = new() { Settings = new() { ["Search:PollSeconds"] = "1" } };

    public void Dispose() => portal.Dispose();

    /// <summary>Changes a title behind the portal's back (as a second node's unrelated edit would), so only the cache can explain the old title.</summary>
    private Task RenameBehindTheCacheAsync(string from, string to) =>
        portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Articles SET Title = {to} WHERE Title = {from}"));

    [Fact]
    public async Task Anonymous_pages_are_cached_until_a_publish_evicts_them()
    {
        var reader = portal.CreateClient();
        // The search indexer's first pass evicts the cache once after start (search pages change with the index); a page
        // cached just before that pass is gone by the next read. Caching again after it must hold.
        var cached = false;
        for (var attempt = 0; attempt < 5 && !cached; attempt++)
        {
            Assert.Contains(SeedTitle, await reader.GetStringAsync("/issues/2023/2"));
            await RenameBehindTheCacheAsync(SeedTitle, "杜振宗到自治区计生协指导工作");
            cached = (await reader.GetStringAsync("/issues/2023/2")).Contains(SeedTitle, StringComparison.Ordinal); // from the cache
            if (!cached)
            {
                await RenameBehindTheCacheAsync("杜振宗到自治区计生协指导工作", SeedTitle);
                await Task.Delay(TimeSpan.FromSeconds(1.5)); // one poll of the indexer (Search:PollSeconds = 1)
            }
        }

        Assert.True(cached, "The reading page was never served from the cache.");
        var member = await portal.SignedInAsync(Roles.Member);
        Assert.Contains("杜振宗到自治区计生协指导工作", await member.GetStringAsync("/issues/2023/2")); // members are never served from it

        await portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        var page = await reader.GetStringAsync("/issues/2023/2");
        Assert.Contains("杜振宗到自治区计生协指导工作", page);
        Assert.Contains("总第66期", await reader.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_withdrawal_and_a_correction_reach_anonymous_readers_at_once()
    {
        var issueId = await portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).SingleAsync());
        var reader = portal.CreateClient();
        Assert.Contains("金城江区", await reader.GetStringAsync($"/articles/{articleId}"));

        var editor = await portal.SignedInAsync(Roles.Editor);
        await editor.PostFormAsync($"/editorial/articles/{articleId}/correct", $"/editorial/articles/{articleId}/correct", new()
        {
            ["Title"] = "河池市开展婚育新风进万家活动", ["Body"] = "河池市计生协在宜州区举办婚育新风进万家宣传活动。", ["SectionId"] = "6",
            ["Version"] = (await portal.ArticleAsync(articleId, a => a.Version)).ToString(), ["note"] = "活动地点应为宜州区。",
        });
        var corrected = await reader.GetStringAsync($"/articles/{articleId}");
        Assert.Contains("宜州区", corrected);
        Assert.Contains("活动地点应为宜州区。", corrected);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/issues/2023/3")).StatusCode);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Withdraw, new() { ["Note"] = "重复刊发。" });
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync("/issues/2023/3")).StatusCode);
        Assert.DoesNotContain("总第66期", await reader.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_search_page_is_stored_only_when_its_address_is_asked_for_a_second_time()
    {
        var reader = portal.CreateClient();
        // Each attempt uses a new address; an attempt whose stored page the indexer's first pass evicted is tried again.
        var servedFromCache = false;
        for (var attempt = 0; attempt < 5 && !servedFromCache; attempt++)
        {
            var address = $"/search?q={Uri.EscapeDataString("托育")}&n={attempt}";
            var first = await reader.GetAsync(address);
            var second = await reader.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Null(first.Headers.Age);
            Assert.Null(second.Headers.Age); // asked once before: rendered again, and only now stored
            Assert.Contains("托育", await second.Content.ReadAsStringAsync());
            servedFromCache = (await reader.GetAsync(address)).Headers.Age is not null;
            if (!servedFromCache)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5)); // one poll of the indexer (Search:PollSeconds = 1)
            }
        }

        Assert.True(servedFromCache, "The search page asked for three times was never served from the cache.");
    }

    [Fact]
    public async Task A_members_page_is_never_served_to_anonymous_readers()
    {
        await portal.PublishNewIssueAsync("内部交流：婚育新风进万家活动的经验。", visibility: "MembersOnly");
        var member = await portal.SignedInAsync(Roles.Member);
        Assert.Contains("总第66期", await member.GetStringAsync("/"));
        Assert.Contains("总第66期", await member.GetStringAsync("/issues/2023"));

        var reader = portal.CreateClient();
        Assert.DoesNotContain("总第66期", await reader.GetStringAsync("/"));
        Assert.DoesNotContain("总第66期", await reader.GetStringAsync("/issues/2023"));
    }

    [Fact]
    public async Task Pages_are_compressed_and_fingerprinted_assets_are_cached_for_a_year()
    {
        var client = portal.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/issues/2023/2");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var compressed = await client.SendAsync(request);
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());

        var home = await Html.ParseAsync(await client.GetStringAsync("/"));
        var css = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/css/site.css", StringComparison.Ordinal));
        Assert.Contains("?v=", css);
        var asset = await client.GetAsync(css);
        Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 1000);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl!.MaxAge);
        Assert.Contains("immutable", asset.Headers.CacheControl.ToString());
        Assert.All(home.QuerySelectorAll("script[src]"), s => Assert.Contains("?v=", s.GetAttribute("src")));
    }
}
