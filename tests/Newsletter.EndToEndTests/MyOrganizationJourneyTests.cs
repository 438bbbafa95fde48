using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>A county's 会员单位 account on a 375 px phone: adds an address to 本单位邮箱, then reads 本单位供稿. Axe clean, no sideways scroll.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MyOrganizationJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_county_on_a_phone_keeps_its_addresses_and_reads_its_contributions()
    {
        var organizationId = await server.Portal.WithDbAsync(async db =>
        {
            var city = new Organization { Name = "来宾市计生协", Kind = OrganizationKind.City, CreatedAt = DateTime.UtcNow };
            var county = new Organization { Name = "武宣县计生协", Kind = OrganizationKind.County, Parent = city, CreatedAt = DateTime.UtcNow };
            county.Contacts.Add(new OrganizationContact { Email = "wx@gxjsx.test", Name = "办公室" });
            db.Organizations.AddRange(city, county);
            await db.SaveChangesAsync();
            return county.Id;
        });
        var member = await server.Portal.EnsureUserAsync(Roles.Member, "wuxuan@test.local");
        await using (var scope = server.Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(member.Email!))!;
            user.OrganizationId = organizationId;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var page = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(page, member.Email!);
        await journey.Step(page, "add an address to 本单位邮箱", async () =>
        {
            await page.GotoAsync("/my/organization");
            await CheckPhonePageAsync(journey, page, "my organisation");
            await page.Locator("#new-email").FillAsync("wx.office@gxjsx.test");
            await page.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
            await Expect(page.Locator("main .alert-success")).ToContainTextAsync("已添加邮箱。");
            await Expect(page.Locator("main li.contact")).ToHaveCountAsync(2);
            await CheckPhonePageAsync(journey, page, "my organisation after adding");
        });
        await journey.Step(page, "read 本单位供稿", async () =>
        {
            await page.GotoAsync("/my/contributions");
            await Expect(page.Locator("main .briefs")).ToHaveTextAsync("1 篇");
            await CheckPhonePageAsync(journey, page, "my contributions");
        });
        await journey.Step(page, "read 本单位接收记录", async () =>
        {
            await page.GotoAsync("/my/organization");
            await page.GetByRole(AriaRole.Link, new() { Name = "本单位接收记录" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("本单位接收记录");
            await CheckPhonePageAsync(journey, page, "my deliveries");
        });
        Assert.Equal(2, await server.Portal.WithDbAsync(db => db.OrganizationContacts.CountAsync(c => c.OrganizationId == organizationId && c.IsActive)));
        journey.AssertAccessible();
    }

    private static async Task CheckPhonePageAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
    }
}
