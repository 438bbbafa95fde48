using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Newsletter.IntegrationTests;
using Newsletter.Web.Domain;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// The month's work across issue 17 in Chromium, as the office does it: a correspondent pastes from Word on a phone and
/// submits; the editor accepts, places two articles at once and drags them into order; the chief editor reads the 样稿
/// and its PDF (样稿 on every page), approves from it and publishes — and each person is told by mail at the test SMTP
/// server. axe and the HTML checker on the new pages, at 1280 and 375 px; screenshots and the 样稿 PDF in the artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonthlyIssueJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string PastedTitle = "全区计生协宣传工作会议召开";
    private const string SecondTitle = "来宾市计生协开展家庭健康服务";

    [Fact]
    public async Task Correspondent_pastes_editor_builds_chief_publishes_from_the_proof_and_each_is_told_by_mail()
    {
        var portal = server.Portal;
        var correspondent = await portal.EnsureUserAsync(Roles.Correspondent);
        var editor = await portal.EnsureUserAsync(Roles.Editor);
        var chief = await portal.EnsureUserAsync(Roles.ChiefEditor);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var phone = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(phone, correspondent.Email!);
        var articleUrl = await journey.Step(phone, "correspondent pastes from Word on a phone and submits", async () =>
        {
            await phone.GotoAsync("/editorial/articles/new");
            await phone.Locator("#Title").FillAsync(PastedTitle);
            await phone.Locator("#SectionId").SelectOptionAsync("1");
            await phone.Locator(".CodeMirror").ClickAsync();
            await phone.EvaluateAsync("""
                html => {
                    const data = new DataTransfer();
                    data.setData('text/html', html);
                    data.setData('text/plain', '一、提高政治站位');
                    document.querySelector('.CodeMirror textarea')
                        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                }
                """, WritingJourneyTests.WordHtml);
            await Expect(phone.Locator("#Body")).ToHaveValueAsync(WritingJourneyTests.Expected);
            await phone.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await phone.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"));
            await phone.GetByRole(AriaRole.Button, new() { Name = "提交审核", Exact = true }).ClickAsync();
            await Expect(phone.Locator("main")).ToContainTextAsync("待审");
            await CheckAsync(journey, phone, "article submitted");
            return new Uri(phone.Url).AbsolutePath;
        });
        var submitted = await NoticeAsync(editor.Email!, $"【工作通讯】待审稿件：《{PastedTitle}》");
        Assert.Contains(server.Portal.Settings["Mail:PortalUrl"] + articleUrl, submitted.TextBody);

        var desk = await journey.NewPageAsync();
        await journey.SignInAsync(desk, editor.Email!);
        await journey.Step(desk, "the editor's desk badge and 采用", async () =>
        {
            await desk.GotoAsync("/editorial");
            await Expect(desk.Locator("[data-desk-badge]")).ToHaveTextAsync("1项等待您处理");
            await desk.GotoAsync(articleUrl);
            await desk.GetByRole(AriaRole.Button, new() { Name = "采用", Exact = true }).ClickAsync();
            await Expect(desk.Locator("main")).ToContainTextAsync("已采用");
        });
        await NoticeAsync(correspondent.Email!, $"【工作通讯】稿件《{PastedTitle}》已采用");

        // A second accepted article, and the issue itself, through the forms without a browser.
        var client = await portal.SignedInAsync(Roles.Editor);
        var second = await IntegrationTests.Features.Editorial.EditorialSteps.WriteArticleAsync(client, SecondTitle, "来宾市计生协走进社区开展家庭健康服务。", "1");
        await IntegrationTests.Features.Editorial.EditorialSteps.ArticleActionAsync(client, second, ArticleAction.Accept);
        var issueId = IntegrationTests.Features.Editorial.EditorialSteps.IdFrom(await client.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6" }));
        var compose = $"/editorial/issues/{issueId}";
        await journey.Step(desk, "place both at once and drag the pasted one below the other", async () =>
        {
            await desk.GotoAsync(compose);
            foreach (var title in new[] { PastedTitle, SecondTitle })
            {
                await desk.GetByLabel($"选中《{title}》").CheckAsync();
            }

            await desk.GetByRole(AriaRole.Button, new() { Name = "编入所选稿件" }).ClickAsync();
            await Expect(desk.Locator("main .alert-success")).ToContainTextAsync("已编入 2 篇稿件");
            var list = desk.Locator("ol[data-section-id]").Filter(new() { Has = desk.GetByText(PastedTitle) });
            await Expect(list.Locator("li a")).ToHaveTextAsync([PastedTitle, SecondTitle]);
            var from = await list.Locator("li").Nth(0).Locator(".drag-handle").BoundingBoxAsync();
            var to = await list.Locator("li").Nth(1).BoundingBoxAsync();
            var reloaded = desk.WaitForResponseAsync(r => r.Url.EndsWith(compose, StringComparison.Ordinal) && r.Request.Method == "GET");
            await desk.Mouse.MoveAsync(from!.X + from.Width / 2, from.Y + from.Height / 2);
            await desk.Mouse.DownAsync();
            await desk.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 + 10, new() { Steps = 5 });
            await desk.Mouse.MoveAsync(to!.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 10 });
            await desk.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height + 4, new() { Steps = 10 });
            await ComposeAndSettingsJourneyTests.DragUntilLastAsync(desk, list, PastedTitle); // moved in the page: release now
            await desk.Mouse.UpAsync();
            await reloaded;
            await Expect(desk.Locator("main .alert-success")).ToContainTextAsync("顺序已调整");
            await desk.ReloadAsync();
            await Expect(desk.Locator(".running-toc ol li")).ToHaveTextAsync([SecondTitle, PastedTitle]);
            await desk.GetByRole(AriaRole.Button, new() { Name = "提交总编辑审核" }).ClickAsync();
            await Expect(desk.Locator("#issue-status")).ToHaveTextAsync("待总编辑审核");
        });
        await NoticeAsync(chief.Email!, "【工作通讯】待审核：2023年第3期(总第66期)");

        var review = await journey.NewPageAsync();
        await journey.SignInAsync(review, chief.Email!);
        await journey.Step(review, "the chief editor reads the 样稿 and its PDF", async () =>
        {
            await review.GotoAsync(compose);
            await review.GetByRole(AriaRole.Link, new() { Name = "样稿", Exact = true }).ClickAsync();
            await review.WaitForURLAsync($"**{compose}/print");
            await Expect(review.Locator(".bf-proof-mark").First).ToContainTextAsync("样稿");
            await Expect(review.Locator("main, body").First).ToContainTextAsync("高度重视");
            await CheckAsync(journey, review, "proof");
            var html = await (await review.APIRequest.GetAsync($"{compose}/print")).TextAsync();
            Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["样稿"] = html }));

            var pdf = await review.APIRequest.GetAsync($"{compose}/proof.pdf");
            Assert.Equal(200, pdf.Status);
            var bytes = await pdf.BodyAsync();
            Directory.CreateDirectory(journey.ArtifactsFolder);
            await File.WriteAllBytesAsync(Path.Combine(journey.ArtifactsFolder, "proof.pdf"), bytes);
            using var document = PdfDocument.Open(bytes);
            Assert.All(document.GetPages(), page => Assert.Contains("样稿", page.Text));
            Assert.Contains(document.GetPages(), page => page.Text.Contains(PastedTitle.Replace(" ", ""), StringComparison.Ordinal)
                                                       || page.Text.Replace(" ", "").Contains(PastedTitle, StringComparison.Ordinal));
        });
        var proofOnPhone = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(proofOnPhone, chief.Email!);
        await journey.Step(proofOnPhone, "the 样稿 on a phone", async () =>
        {
            await proofOnPhone.GotoAsync($"{compose}/print");
            await CheckAsync(journey, proofOnPhone, "proof");
        });
        await journey.Step(review, "approve from the 样稿, then publish", async () =>
        {
            await review.GotoAsync($"{compose}/print");
            var approve = review.Locator("form").Filter(new() { Has = review.GetByRole(AriaRole.Button, new() { Name = "审核通过" }) });
            if (await approve.Locator("input[name=HitsReviewed]").CountAsync() > 0)
            {
                await approve.Locator("input[name=HitsReviewed]").CheckAsync();
            }

            await approve.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await Expect(review.Locator("#issue-status")).ToHaveTextAsync("已审核");
            await review.GetByLabel("我已完成保密审查，本期不含涉密内容").First.CheckAsync();
            await review.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
            await Expect(review.Locator("#issue-status")).ToHaveTextAsync("已发布");
        });
        await NoticeAsync(editor.Email!, "【工作通讯】2023年第3期(总第66期)已发布");
        await journey.Step(desk, "通知设置 at 1280 px", async () =>
        {
            await desk.GotoAsync("/notifications");
            await Expect(desk.GetByLabel("有稿件提交审核")).ToBeCheckedAsync();
            await CheckAsync(journey, desk, "notifications");
        });
        await journey.Step(phone, "通知设置 at 375 px", async () =>
        {
            await phone.GotoAsync("/notifications");
            await Expect(phone.GetByLabel("我的稿件被退回")).ToBeCheckedAsync();
            await CheckAsync(journey, phone, "notifications");
        });

        Assert.Equal(IssueStatus.Published, await portal.WithDbAsync(db => db.Issues.Where(i => i.Id == issueId).Select(i => i.Status).SingleAsync()));
        // Told: the editor of the submission and the publication, the correspondent of the acceptance, the chief of the review;
        // never the person who acted.
        Assert.DoesNotContain(server.Smtp.Notifications, m => m.Subject!.Contains("已发布") && m.To.Mailboxes.Any(a => a.Address == chief.Email));
        Assert.DoesNotContain(server.Smtp.Notifications, m => m.Subject!.Contains("待审稿件") && m.To.Mailboxes.Any(a => a.Address == correspondent.Email));
        journey.AssertAccessible();
    }

    /// <summary>Waits (up to 20 s) for a notice with this subject to reach <paramref name="to"/>.</summary>
    private async Task<MimeMessage> NoticeAsync(string to, string subject)
    {
        for (var i = 0; i < 200; i++)
        {
            if (server.Smtp.Notifications.FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(a => a.Address == to)) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No “{subject}” to {to}; notices: {string.Join(" | ", server.Smtp.Notifications.Select(m => $"{m.To} {m.Subject}"))}");
    }

    /// <summary>axe, no sideways scroll, a screenshot to look at.</summary>
    private static async Task CheckAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, $"{label}-{page.ViewportSize?.Width}.png"), FullPage = true });
    }
}
