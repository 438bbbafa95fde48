using System.Diagnostics;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>Journey (a): from a correspondent's 基层简讯 item to the published issue on the home page and in search.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishingJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Title = "灵山县计生协走进蚕桑基地开展优生优育宣传";
    private const string Body = "11月20日，钦州市灵山县计生协组织志愿者走进蚕桑基地，为蚕农讲解优生优育和孕前检查知识，发放宣传资料五百余份。";

    /// <summary>A two-character word of the item's text, as a reader would type it.</summary>
    private const string Word = "蚕桑";

    [Fact]
    public async Task A_correspondents_item_is_accepted_placed_reviewed_published_and_found()
    {
        var correspondent = await server.Portal.EnsureUserAsync(Roles.Correspondent);
        var editor = await server.Portal.EnsureUserAsync(Roles.Editor);
        var chief = await server.Portal.EnsureUserAsync(Roles.ChiefEditor);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var writer = await journey.NewPageAsync();
        await journey.SignInAsync(writer, correspondent.Email!);
        await journey.WriteAndSubmitAsync(writer, Title, Body, "基层简讯");

        var desk = await journey.NewPageAsync();
        await journey.SignInAsync(desk, editor.Email!);
        await journey.AcceptFromDeskAsync(desk, Title);
        var issuePath = await journey.ComposeAndSubmitAsync(desk, Title, "基层简讯");

        var review = await journey.NewPageAsync();
        await journey.SignInAsync(review, chief.Email!);
        await journey.ApproveAndPublishAsync(review, issuePath);

        var reader = await journey.NewPageAsync();
        await journey.Step(reader, "the home page shows the new issue", async () =>
        {
            await reader.GotoAsync("/");
            await Expect(reader.Locator("main")).ToContainTextAsync(EditorialSteps.IssueLabel);
            await Expect(reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
            await journey.CheckAccessibilityAsync(reader, "home (the new issue)");
        });
        await journey.Step(reader, $"search finds the item by “{Word}”", async () =>
        {
            var clock = Stopwatch.StartNew();
            var found = reader.Locator("ol.search-results").GetByRole(AriaRole.Link, new() { Name = Title });
            do
            {
                await reader.GotoAsync("/search?q=" + Uri.EscapeDataString(Word));
                if (await found.CountAsync() > 0)
                {
                    break;
                }

                await Task.Delay(500);
            }
            while (clock.Elapsed < TimeSpan.FromSeconds(15));

            await Expect(found).ToBeVisibleAsync();
            await journey.CheckAccessibilityAsync(reader, "search results (the new item)");
            await found.ClickAsync();
            await reader.WaitForURLAsync("**/articles/*");
            await Expect(reader.Locator("main")).ToContainTextAsync("蚕农");
            await journey.CheckAccessibilityAsync(reader, "article (the new item)");
        });

        journey.AssertAccessible();
    }
}
