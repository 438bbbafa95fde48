using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// Layouts that hold (issue 20): the menu bar of an administrator who is also an editor and chief editor, with a long
/// name, on one line at 1280 px; every admin and editorial table readable at 375 px (cards, or a scrolling table with a
/// visible cue) without the page scrolling sideways; 2023年5月6日印发 never broken inside; the print view on a phone;
/// the UI's font a CJK one first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Email = "admin-editor@test.local";

    private static readonly (string Path, string Label)[] Tables =
    [
        ("/admin/users", "users"), ("/admin/words", "words"), ("/admin/organizations", "organisations"),
        ("/admin/sections", "sections"), ("/admin/audit", "audit log"), ("/admin/dispatches", "dispatches"),
        ("/admin/statistics?year=2023", "statistics"), ("/editorial/issues", "issues"), ("/editorial/articles", "articles"),
    ];

    [Fact]
    public async Task The_admin_menu_fits_1280_px_and_tables_and_reading_pages_fit_375_px()
    {
        await EnsureAdministratorEditorAsync();
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var office = await journey.NewPageAsync(1280, 900);
        await journey.SignInAsync(office, Email);
        await journey.Step(office, "the menu bar on one line at 1280 px", async () =>
        {
            await office.GotoAsync("/");
            var centres = await office.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('.site-header .navbar-brand, .site-header form[role=search], .site-header .navbar-nav > li')]
                  .map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })
                """);
            Assert.True(centres.Length >= 8, $"{centres.Length} items in the menu bar");
            Assert.True(centres.Max() - centres.Min() <= 6, $"the menu bar wraps: item centres from {centres.Min()} to {centres.Max()}");
            var wrapped = await office.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.site-header .nav-link')].filter(e => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 48).map(e => e.textContent.trim())
                """);
            Assert.Empty(wrapped);
            await office.Locator(".site-header .dropdown-toggle").ClickAsync();
            await Expect(office.Locator(".site-header .dropdown-menu.show a")).ToHaveCountAsync(10);
            await Journey.AssertNoSidewaysScrollAsync(office, "home, 管理 open");
            await ShotAsync(journey, office, "menu", 1280);
            var font = await office.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
            Assert.StartsWith("\"Noto Sans CJK SC\"", font);
        });

        foreach (var (path, label) in Tables)
        {
            await journey.Step(office, $"{label} at 1280 px", async () =>
            {
                Assert.Equal(200, (await office.GotoAsync(path))!.Status);
                await journey.CheckAccessibilityAsync(office, label);
                await Journey.AssertNoSidewaysScrollAsync(office, label);
                await ShotAsync(journey, office, label, 1280);
            });
        }

        var phone = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(phone, Email);
        foreach (var (path, label) in Tables)
        {
            await journey.Step(phone, $"{label} at 375 px", async () =>
            {
                Assert.Equal(200, (await phone.GotoAsync(path))!.Status);
                await journey.CheckAccessibilityAsync(phone, label);
                await Journey.AssertNoSidewaysScrollAsync(phone, label);
                await ShotAsync(journey, phone, label, 375);
            });
        }

        await journey.Step(phone, "a user row is a card of labelled lines; the statistics table says it scrolls", async () =>
        {
            await phone.GotoAsync("/admin/users");
            var label = await phone.Locator(".table-stack tbody td").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
            Assert.Equal("\"姓名\"", label);
            await phone.GotoAsync("/admin/statistics?year=2023");
            await Expect(phone.Locator(".scroll-cue").First).ToBeVisibleAsync();
            var scrolls = await phone.Locator(".table-responsive.scroll-x").First.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth");
            Assert.True(scrolls, "the statistics table should be wider than the phone and scroll inside its box");
        });

        foreach (var (path, label) in new[] { ("/issues/2023", "year"), ("/issues/2023/2", "issue"), ("/issues/2023/2/print", "print view") })
        {
            await journey.Step(phone, $"{label} at 375 px: 印发 on one line", async () =>
            {
                Assert.Equal(200, (await phone.GotoAsync(path))!.Status);
                await Journey.AssertNoSidewaysScrollAsync(phone, label);
                var broken = await phone.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('main span, footer span, .bf-issued span')]
                      .filter(e => /\d+年\d+月\d+日印发/.test(e.textContent) && e.children.length === 0 && e.getClientRects().length > 1)
                      .map(e => e.textContent)
                    """);
                Assert.Empty(broken);
                var issued = await phone.EvaluateAsync<int>("() => [...document.querySelectorAll('span')].filter(e => /\\d+年\\d+月\\d+日印发/.test(e.textContent) && e.children.length === 0).length");
                Assert.True(issued > 0, $"no 印发 date on the {label} page");
                var size = await phone.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
                Assert.InRange(size, 15, 19); // legible, and not the print's 15.5 pt (20.7 px) made for A4
                await ShotAsync(journey, phone, label, 375, fullPage: label != "print view"); // the whole issue is too tall for one picture
                if (label == "print view")
                {
                    await phone.Locator(".bf-footer").ScrollIntoViewIfNeededAsync();
                    await ShotAsync(journey, phone, label + " footer", 375, fullPage: false);
                }
            });
        }

        // The issue's own page after publication: the delivery counts with the dispatch link (this chief editor is also an
        // administrator); then a 撤回 from a tab left open after another tab withdrew it: 409, the reason kept and brought back.
        var issueId = await server.Portal.PublishNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        await journey.Step(office, "the published issue shows its deliveries", async () =>
        {
            await server.Portal.WaitForAsync(r => r.Count == 3 && r.All(x => x.Status == DeliveryStatus.Sent), seconds: 30);
            await office.GotoAsync($"/editorial/issues/{issueId}");
            await Expect(office.Locator("#issue-deliveries [data-counts]")).ToHaveTextAsync("已发送 3 / 失败 0");
            await Expect(office.Locator("#issue-deliveries a")).ToHaveAttributeAsync("href", new Regex("^/admin/dispatches/\\d+$"));
            await journey.CheckAccessibilityAsync(office, "compose with deliveries");
            await ShotAsync(journey, office, "compose with deliveries", 1280);
        });
        var secondTab = await office.Context.NewPageAsync();
        await journey.Step(secondTab, "a 撤回 from a stale tab keeps its reason", async () =>
        {
            await secondTab.GotoAsync($"/editorial/issues/{issueId}");
            await office.ReloadAsync();
            await office.Locator("#note-Withdraw").FillAsync("第一个窗口撤回。");
            await office.Locator("form:has(#note-Withdraw) button[type=submit]").ClickAsync();
            await Expect(office.Locator("#issue-status")).ToHaveTextAsync("已撤回");
            await secondTab.Locator("#note-Withdraw").FillAsync("第二个窗口填写的撤回原因。");
            await secondTab.Locator("form:has(#note-Withdraw) button[type=submit]").ClickAsync();
            await Expect(secondTab.Locator("[data-kept-note]")).ToContainTextAsync("第二个窗口填写的撤回原因。");
            await journey.CheckAccessibilityAsync(secondTab, "refused with the note kept");
            await ShotAsync(journey, secondTab, "refused with the note kept", 1280);
            await secondTab.Locator("a[data-back]").ClickAsync();
            await Expect(secondTab.Locator("textarea#issue-comment")).ToHaveValueAsync("第二个窗口填写的撤回原因。");
        });

        // A members-only issue opened by a reader who is not signed in: what it is, for whom, and the way to sign in.
        await server.Portal.WithDbAsync(async db =>
        {
            (await db.Publications.SingleAsync()).DefaultVisibility = IssueVisibility.MembersOnly;
            return await db.SaveChangesAsync();
        });
        var reader = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.Step(reader, "a members-only issue explains itself and offers sign-in", async () =>
        {
            Assert.Equal(401, (await reader.GotoAsync("/issues/2023/2"))!.Status);
            await Expect(reader.Locator("h1")).ToContainTextAsync("仅供会员单位阅读");
            await journey.CheckAccessibilityAsync(reader, "members only");
            await Journey.AssertNoSidewaysScrollAsync(reader, "members only");
            await ShotAsync(journey, reader, "members only", 375);
            await reader.GetByRole(AriaRole.Link, new() { Name = "会员单位登录" }).ClickAsync();
            await reader.WaitForURLAsync(url => url.Contains("/account/login?returnUrl=%2Fissues%2F2023%2F2", StringComparison.Ordinal));
        });

        journey.AssertAccessible();
    }

    /// <summary>An administrator who is also editor and chief editor, with a long name: the widest menu bar there is.</summary>
    private async Task EnsureAdministratorEditorAsync()
    {
        await server.Portal.EnsureUserAsync(Roles.Administrator, Email);
        await using var scope = server.Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(Email))!;
        user.DisplayName = "欧阳自治区计生协办公室主任";
        Assert.True((await users.UpdateAsync(user)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [Roles.Editor, Roles.ChiefEditor])).Succeeded);

        // Rows for the tables: organisations with several (long) addresses, a 错敏词.
        await server.Portal.AddAsync("广西壮族自治区卫生健康委员会人口监测与家庭发展处", DistributionGroup.Send,
            "renkoujiance.jiatingfazhan@wsjkw.gxzf.gov.cn", "office@gxjsx.test");
        await server.Portal.AddAsync("南宁市青秀区计生协", DistributionGroup.Distribute, "qingxiu@gxjsx.test");
        await server.Portal.WithDbAsync(db =>
        {
            db.SensitiveWords.Add(new SensitiveWord { Word = "计划生育委员会", Suggestion = "卫生健康委员会", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
    }

    private static async Task ShotAsync(Journey journey, IPage page, string label, int width, bool fullPage = true)
    {
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, $"{Regex.Replace(label, "\\W", "-")}-{width}.png"), FullPage = fullPage });
    }
}
