using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>Journey (b): a county member searches 托育 from the header, reads the 经验交流 article, then the print view; on a desktop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string ArticleTitle = "全力推进婴幼儿照护服务工作";

    [Fact]
    public Task A_member_searches_reads_and_prints_on_a_desktop() => MemberJourneyAsync(phone: false);

    [Fact]
    public Task A_member_searches_reads_and_prints_on_a_phone() => MemberJourneyAsync(phone: true);

    private async Task MemberJourneyAsync(bool phone, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        var member = await server.Portal.EnsureUserAsync(Roles.Member, "member@test.local", "灵山县计生协");
        await using var journey = new Journey(browser.Browser, server.BaseUrl, testName);
        var page = phone ? await journey.NewPageAsync(375, 812, mobile: true) : await journey.NewPageAsync();

        async Task CheckPageAsync(string label)
        {
            await journey.CheckAccessibilityAsync(page, label);
            if (phone)
            {
                await Journey.AssertNoSidewaysScrollAsync(page, label);
            }
        }

        if (phone)
        {
            await journey.Step(page, "the login page fits the phone", async () =>
            {
                await page.GotoAsync("/account/login");
                await CheckPageAsync("login");
            });
        }

        await journey.SignInAsync(page, member.Email!);
        await journey.Step(page, "search 托育 from the header", async () =>
        {
            await page.GotoAsync("/");
            await CheckPageAsync("home");
            var box = page.Locator("header #site-search");
            if (!await box.IsVisibleAsync())
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
            }

            await box.FillAsync("托育");
            await page.Locator("header form[role=search]").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
            await page.WaitForURLAsync("**/search?q=*");
            await Expect(page.Locator("#result-count")).Not.ToHaveTextAsync("0");
            await CheckPageAsync("search results");
        });
        await journey.Step(page, "open the 经验交流 article", async () =>
        {
            var hit = page.Locator("ol.search-results > li").Filter(new() { HasText = "经验交流" }).Filter(new() { HasText = ArticleTitle });
            await hit.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.WaitForURLAsync("**/articles/*");
            await Expect(page.Locator("main h1")).ToContainTextAsync(ArticleTitle);
            await CheckPageAsync("article");
        });
        await journey.Step(page, "open the print view", async () =>
        {
            await page.GotoAsync("/issues/2023/2/print");
            await Expect(page.Locator("body")).ToContainTextAsync("工 作 通 讯");
            await CheckPageAsync("print view");
        });

        journey.AssertAccessible();
    }
}
