using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// An editor on a phone brings in back issues as a batch: the import page, the dry run's report (nothing written yet),
/// then 全部导入 with the report refreshing itself until it is done; each page readable at 375 px, axe clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BatchImportJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private static byte[] Issue(int number, int serial) =>
        Encoding.UTF8.GetBytes(SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{number}期(总第{serial}期)"));

    [Fact]
    public async Task An_editor_on_a_phone_dry_runs_then_applies_a_batch_of_back_issues()
    {
        var editor = await server.Portal.EnsureUserAsync(Roles.Editor);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var page = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(page, editor.Email!);
        var issuesBefore = await server.Portal.WithDbAsync(db => db.Issues.CountAsync());

        await journey.Step(page, "choose three files for a dry run", async () =>
        {
            await page.GotoAsync("/editorial/import");
            await CheckPhonePageAsync(journey, page, "import page");
            await page.Locator("#files").SetInputFilesAsync(
            [
                new FilePayload { Name = "2023年第3期.txt", MimeType = "text/plain", Buffer = Issue(3, 66) },
                new FilePayload { Name = "2023年第4期.txt", MimeType = "text/plain", Buffer = Issue(4, 67) },
                new FilePayload { Name = "又一份第3期.txt", MimeType = "text/plain", Buffer = Issue(3, 66) },
            ]);
            await page.GetByRole(AriaRole.Button, new() { Name = "试导入" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("试导入的结果");
            await Expect(page.Locator("main")).ToContainTextAsync("2023年第4期(总第67期)");
            await Expect(page.Locator("main")).ToContainTextAsync("又一份第3期.txt");
            await CheckPhonePageAsync(journey, page, "batch dry run");
        });
        Assert.Equal(issuesBefore, await server.Portal.WithDbAsync(db => db.Issues.CountAsync()));

        await journey.Step(page, "apply the batch and watch it finish", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "全部导入（2 个）" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("导入完成", new() { Timeout = 30_000 });
            await CheckPhonePageAsync(journey, page, "batch applied");
        });
        Assert.Equal(issuesBefore + 2, await server.Portal.WithDbAsync(db => db.Issues.CountAsync()));
        journey.AssertAccessible();
    }

    private static async Task CheckPhonePageAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
    }
}
