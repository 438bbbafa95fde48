using System.Text;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>Journey (c): the administrator imports the 送/发 list from CSV, the issue is published, the mail reaches every address.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DistributionJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly string[] Addresses = ["nanning@gxjsx.test", "qingxiu@gxjsx.test", "qingxiu.office@gxjsx.test"];

    private static readonly string Csv = string.Join("\r\n",
        "名称,类型,上级单位,邮箱,送,发,状态,排序",
        "南宁市计生协,市,,nanning@gxjsx.test,正常,,正常,1",
        "南宁市青秀区计生协,县（市、区）,南宁市计生协,qingxiu@gxjsx.test;qingxiu.office@gxjsx.test,,正常,正常,2",
        "");

    [Fact]
    public async Task Imported_organisations_receive_the_published_issue_by_email()
    {
        var admin = await server.Portal.EnsureUserAsync(Roles.Administrator, "admin@test.local");
        var editor = await server.Portal.EnsureUserAsync(Roles.Editor);
        var chief = await server.Portal.EnsureUserAsync(Roles.ChiefEditor);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var office = await journey.NewPageAsync();
        await journey.SignInAsync(office, admin.Email!);
        await journey.Step(office, "upload the CSV and preview it", async () =>
        {
            await office.GotoAsync("/admin/organizations/import");
            await journey.CheckAccessibilityAsync(office, "organisation import");
            await office.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "单位名单.csv",
                MimeType = "text/csv",
                Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)],
            });
            await office.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
            await Expect(office.Locator(".import-summary")).ToContainTextAsync("新增 2 个");
            await Expect(office.Locator(".import-summary")).ToContainTextAsync("错误 0 行");
            await journey.CheckAccessibilityAsync(office, "import preview");
        });
        await journey.Step(office, "apply the import", async () =>
        {
            await office.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
            await Expect(office.Locator(".import-result")).ToContainTextAsync("新增 2 个");
            await journey.CheckAccessibilityAsync(office, "import done");
            await office.GotoAsync("/admin/organizations");
            await Expect(office.Locator("main")).ToContainTextAsync("南宁市青秀区计生协");
            await journey.CheckAccessibilityAsync(office, "organisations");
        });

        // The organisation's own page and the import preview, at the office's width and on a phone.
        var phone = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(phone, admin.Email!);
        foreach (var (page, width) in new[] { (office, 1280), (phone, 375) })
        {
            await journey.Step(page, $"an organisation's page and the import preview at {width} px", async () =>
            {
                await page.GotoAsync("/admin/organizations");
                await page.Locator("main a", new() { HasTextString = "编辑" }).First.ClickAsync();
                await Expect(page.Locator("#contact-states")).ToBeVisibleAsync();
                await CheckAsync(journey, page, $"organisation edit {width}");
                await page.GotoAsync("/admin/organizations/import");
                await page.Locator("#file").SetInputFilesAsync(new FilePayload
                {
                    Name = "单位名单.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)],
                });
                await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
                await Expect(page.Locator(".import-summary")).ToBeVisibleAsync();
                await CheckAsync(journey, page, $"import preview {width}");
            });
        }

        const string title = "南宁市青秀区开展家庭健康服务进社区活动";
        var desk = await journey.NewPageAsync();
        await journey.SignInAsync(desk, editor.Email!);
        await journey.WriteAndSubmitAsync(desk, title, "青秀区计生协在社区开展家庭健康服务，为居民提供优生优育咨询。", "基层简讯");
        await journey.AcceptFromDeskAsync(desk, title);
        var issuePath = await journey.ComposeAndSubmitAsync(desk, title, "基层简讯");

        var review = await journey.NewPageAsync();
        await journey.SignInAsync(review, chief.Email!);
        await journey.ApproveAndPublishAsync(review, issuePath);

        await journey.Step(office, "the dispatch reaches 已发送 for every address", async () =>
        {
            await office.GotoAsync("/admin/dispatches");
            await journey.CheckAccessibilityAsync(office, "dispatches");
            await office.Locator("main table").GetByRole(AriaRole.Link, new() { Name = "2023年" + EditorialSteps.IssueLabel }).ClickAsync();
            await office.WaitForURLAsync("**/admin/dispatches/*");
            var rows = office.Locator("tr[data-email]");
            for (var i = 0; i < 40 && await office.Locator("tr[data-email] td.status").Filter(new() { HasTextString = "已发送" }).CountAsync() < Addresses.Length; i++)
            {
                await Task.Delay(500);
                await office.ReloadAsync();
            }

            await Expect(rows).ToHaveCountAsync(Addresses.Length);
            foreach (var address in Addresses)
            {
                await Expect(office.Locator($"tr[data-email='{address}'] td.status")).ToHaveTextAsync("已发送");
            }

            await Expect(office.Locator("#dispatch-counts [data-status=sent]")).ToHaveTextAsync(Addresses.Length.ToString());
            await journey.CheckAccessibilityAsync(office, "dispatch");
            Assert.Equal(Addresses.OrderBy(a => a), server.Smtp.CountByRecipient().Keys.OrderBy(a => a));
        });

        journey.AssertAccessible();
    }

    /// <summary>axe, no page-wide sideways scroll, and a screenshot to look at.</summary>
    private static async Task CheckAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, label.Replace(' ', '-') + ".png"), FullPage = true });
    }
}
