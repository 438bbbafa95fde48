using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Unsubscribe;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// A recipient opens the 退订 link of the issue mail they received, reads the confirm page (at 1280 px and on a 375 px phone),
/// confirms, and the next dispatch of the list skips their address and counts it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnsubscribeJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Leaving = "fangchenggang@gxjsx.test";
    private const string Staying = "fangchenggang.office@gxjsx.test";

    [Fact]
    public async Task A_recipient_unsubscribes_from_the_link_in_the_mail_and_the_next_dispatch_skips_them()
    {
        await server.Portal.AddAsync("防城港市计划生育协会", DistributionGroup.Distribute, Leaving, Staying);
        var issueId = await server.Portal.PublishNewIssueAsync("防城港市计生协开展优生优育进万家宣传活动。");
        await server.Portal.WaitForAsync(r => r.Count == 2 && r.All(x => x.Status == DeliveryStatus.Sent));
        var mail = server.Smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == Leaving);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var wide = await journey.NewPageAsync();
        var phone = await journey.NewPageAsync(375, 812, mobile: true);
        var link = await journey.Step(wide, "open the received mail and find its 退订 link", async () =>
        {
            await wide.SetContentAsync(mail.HtmlBody ?? "");
            await Shot(journey, wide, "mail");
            var href = await wide.GetByRole(AriaRole.Link, new() { Name = "退订" }).GetAttributeAsync("href");
            Assert.StartsWith("http://portal.test/unsubscribe/", href);
            return new Uri(href!).PathAndQuery; // the mail names the public address; the test portal listens on 127.0.0.1
        });

        foreach (var (page, width) in new[] { (phone, 375), (wide, 1280) })
        {
            await journey.Step(page, $"the confirm page at {width} px", async () =>
            {
                await page.GotoAsync(link);
                await Expect(page.Locator("h1")).ToHaveTextAsync("退订工作通讯");
                await Expect(page.Locator("#unsubscribe-email")).ToHaveTextAsync(Leaving);
                await Expect(page.Locator("main")).ToContainTextAsync("防城港市计划生育协会");
                await CheckPageAsync(journey, page, $"unsubscribe confirm {width}");
            });
        }

        foreach (var (page, width) in new[] { (wide, 1280), (phone, 375) })
        {
            await journey.Step(page, $"confirm at {width} px", async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "确认退订" }).ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync("已退订");
                await Expect(page.Locator("#unsubscribe-done")).ToContainTextAsync(Leaving);
                await CheckPageAsync(journey, page, $"unsubscribe done {width}");
            });
        }

        Assert.NotNull((await server.Portal.ContactAsync(Leaving)).UnsubscribedAt);
        Assert.Null((await server.Portal.ContactAsync(Staying)).UnsubscribedAt);

        var next = await server.Portal.DispatchAgainAsync(issueId);
        var recipients = await server.Portal.WaitForAsync(r => r.Any(x => x.DispatchId == next && x.Email == Staying && x.Status == DeliveryStatus.Sent));
        Assert.Equal(DeliveryStatus.Unsubscribed, recipients.Single(r => r.DispatchId == next && r.Email == Leaving).Status);
        Assert.Equal(DeliveryStatus.Sent, recipients.Single(r => r.DispatchId == next && r.Email == Staying).Status);
        Assert.Equal(1, server.Smtp.CountByRecipient()[Leaving]);
        Assert.Equal(2, server.Smtp.CountByRecipient()[Staying]);

        // The administrator sees it on the organisation's 接收记录, and 补发 the last issue to the address that stayed.
        await server.Portal.EnsureUserAsync(Roles.Administrator, "admin@test.local");
        var organizationId = (await server.Portal.ContactAsync(Staying)).OrganizationId;
        var office = await journey.NewPageAsync();
        var officePhone = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(office, "admin@test.local");
        await journey.SignInAsync(officePhone, "admin@test.local");
        foreach (var (page, width) in new[] { (office, 1280), (officePhone, 375) })
        {
            await journey.Step(page, $"the organisation's 接收记录 at {width} px", async () =>
            {
                await page.GotoAsync($"/admin/organizations/{organizationId}/deliveries");
                await Expect(page.Locator($"#deliveries tr[data-dispatch='{next}'][data-email='{Leaving}'] .status")).ToHaveTextAsync("已退订，未发送");
                await Expect(page.Locator($"#deliveries tr[data-dispatch='{next}'][data-email='{Staying}'] .status")).ToHaveTextAsync("已发送");
                await CheckPageAsync(journey, page, $"deliveries {width}");
            });
        }

        await journey.Step(office, "补发 the issue to the address that stayed", async () =>
        {
            await office.GotoAsync($"/admin/dispatches/{next}");
            await CheckPageAsync(journey, office, "dispatch 1280");
            await office.GetByRole(AriaRole.Checkbox, new() { Name = $"补发给 {Staying}" }).CheckAsync();
            await office.GetByRole(AriaRole.Button, new() { Name = "补发所选" }).ClickAsync();
            await Expect(office.Locator("h1")).ToContainTextAsync("补发：");
            await Expect(office.Locator(".alert")).ToContainTextAsync("已补发给 1 个地址");
        });
        await server.Portal.WaitForAsync(r => r.Count(x => x.Email == Staying && x.Status == DeliveryStatus.Sent) == 3);
        await server.Smtp.SettledAsync();
        Assert.Equal((1, 3), (server.Smtp.CountByRecipient()[Leaving], server.Smtp.CountByRecipient()[Staying]));
        await journey.Step(officePhone, "the dispatch page at 375 px", async () =>
        {
            await officePhone.GotoAsync($"/admin/dispatches/{next}");
            await CheckPageAsync(journey, officePhone, "dispatch 375");
        });
        journey.AssertAccessible();
    }

    /// <summary>axe, no sideways scroll, and a screenshot to look at.</summary>
    private static async Task CheckPageAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        await Shot(journey, page, label);
    }

    private static async Task Shot(Journey journey, IPage page, string name)
    {
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, name.Replace(' ', '-') + ".png"), FullPage = true });
    }
}
