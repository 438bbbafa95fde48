using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Account;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// On a 375 px phone: 批量导入用户's preview of a GBK file with a bad line, and 忘记密码 → the mailed link → 重设密码.
/// Each page axe clean, without sideways scrolling; screenshots in TestResults/e2e/&lt;test&gt;/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Csv = "姓名,邮箱,角色,单位\r\n王芳,wangfang.e2e@diecai.test,通讯员,桂林市叠彩区计生协\r\n,不是邮箱,主任,不存在的计生协\r\n";

    [Fact]
    public async Task User_import_preview_and_password_reset_work_on_a_phone()
    {
        await server.Portal.EnsureOrganizationsAsync();
        var admin = await server.Portal.EnsureUserAsync(Roles.Administrator, "admin@test.local");
        var person = await server.Portal.EnsureUserAsync(Roles.Correspondent, "reset.e2e@test.local");
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var office = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(office, admin.Email!);
        await journey.Step(office, "preview a GBK file with a bad line", async () =>
        {
            await office.GotoAsync("/admin/users/import");
            await CheckAsync(journey, office, "user import");
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            await office.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "用户名单.csv", MimeType = "text/csv", Buffer = Encoding.GetEncoding("GBK").GetBytes(Csv) });
            await office.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
            await Expect(office.Locator(".import-summary")).ToContainTextAsync("可以创建 1 个账号，有错误 1 行");
            await Expect(office.Locator(".import-rows li[data-line='3'] .row-errors li")).ToHaveCountAsync(4);
            await CheckAsync(journey, office, "user import preview");
        });

        var phone = await journey.NewPageAsync(375, 812, mobile: true);
        var link = await journey.Step(phone, "ask for a reset link", async () =>
        {
            await phone.GotoAsync("/account/login");
            await phone.GetByRole(AriaRole.Link, new() { Name = "忘记密码？" }).ClickAsync();
            await CheckAsync(journey, phone, "forgot");
            await phone.Locator("#Email").FillAsync(person.Email!);
            await phone.GetByRole(AriaRole.Button, new() { Name = "发送重设链接" }).ClickAsync();
            await Expect(phone.Locator("main .alert-success")).ToContainTextAsync("30 分钟内有效");
            await CheckAsync(journey, phone, "forgot sent");
            return server.Smtp.LinkTo(person.Email!, "reset");
        });
        await journey.Step(phone, "set a new password through the link", async () =>
        {
            await phone.GotoAsync(link);
            await CheckAsync(journey, phone, "reset");
            await phone.Locator("#Form_NewPassword").FillAsync("Shouji-mima-2026");
            await phone.Locator("#Form_ConfirmPassword").FillAsync("Shouji-mima-2026");
            await phone.GetByRole(AriaRole.Button, new() { Name = "设置密码" }).ClickAsync();
            await Expect(phone.Locator("main .alert-success")).ToContainTextAsync("密码已重设");
            await phone.GotoAsync(link);
            await Expect(phone.Locator("main h1")).ToHaveTextAsync("链接无效");
            await CheckAsync(journey, phone, "link invalid");
        });

        journey.AssertAccessible();
    }

    private static async Task CheckAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, $"{Regex.Replace(label, "\\W", "-")}-375.png"), FullPage = true });
    }
}
