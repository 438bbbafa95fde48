using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>The editorial road through the browser: write, submit, accept, compose 2023年第3期(总第66期), review, publish.</summary>
public static class EditorialSteps
{
    public const string IssueLabel = "第3期(总第66期)";

    /// <summary>A person (correspondent or editor) writes an item in a section and submits it; returns the article page's path.</summary>
    public static async Task<string> WriteAndSubmitAsync(this Journey journey, IPage page, string title, string body, string section)
    {
        await journey.Step(page, "open the desk", async () =>
        {
            await page.GotoAsync("/editorial");
            await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
            await journey.CheckAccessibilityAsync(page, "desk");
        });
        await journey.Step(page, "write the item", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "写稿", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/editorial/articles/new");
            await journey.CheckAccessibilityAsync(page, "new article");
            await page.Locator("#Title").FillAsync(title);
            await page.Locator("#SectionId").SelectOptionAsync(new SelectOptionValue { Label = section });
            await page.Locator("#AttributionOrganization").FillAsync("钦州市灵山县计生协");
            await page.Locator("#Correspondents").FillAsync("黄 敏");
            await page.FillBodyAsync(body);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"));
            await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        });
        var path = new Uri(page.Url).AbsolutePath;
        await journey.Step(page, "submit the item", async () =>
        {
            await journey.CheckAccessibilityAsync(page, "article (draft)");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核", Exact = true }).ClickAsync();
            await Expect(page.Locator("main p.text-secondary strong").First).ToHaveTextAsync("待审");
        });
        return path;
    }

    /// <summary>The editor finds the item under 待审稿件 and accepts it.</summary>
    public static Task AcceptFromDeskAsync(this Journey journey, IPage page, string title) => journey.Step(page, "accept the item from 待审稿件", async () =>
    {
        await page.GotoAsync("/editorial");
        var queue = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "待审稿件" }) });
        await Expect(queue.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await journey.CheckAccessibilityAsync(page, "desk with 待审稿件");
        await queue.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"));
        await journey.CheckAccessibilityAsync(page, "article (submitted)");
        await page.GetByRole(AriaRole.Button, new() { Name = "采用", Exact = true }).ClickAsync();
        await Expect(page.Locator("main p.text-secondary strong").First).ToHaveTextAsync("已采用");
    });

    /// <summary>The editor creates 2023年第3期(总第66期), places the item in the section and submits the issue for review; returns the issue page's path.</summary>
    public static async Task<string> ComposeAndSubmitAsync(this Journey journey, IPage page, string title, string section)
    {
        await journey.Step(page, "create 2023年第3期(总第66期)", async () =>
        {
            await page.GotoAsync("/editorial/issues/new");
            await journey.CheckAccessibilityAsync(page, "new issue");
            await page.Locator("#Year").FillAsync("2023");
            await page.Locator("#Number").FillAsync("3");
            await page.Locator("#SerialNumber").FillAsync("66");
            await page.Locator("#CoverMonth").FillAsync("6");
            await page.Locator("#IsSupplement").SetCheckedAsync(false);
            await page.GetByRole(AriaRole.Button, new() { Name = "新建", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/issues/\d+$"));
            await Expect(page.Locator("main h1")).ToHaveTextAsync("2023年" + IssueLabel);
            await journey.CheckAccessibilityAsync(page, "issue (empty draft)");
        });
        var path = new Uri(page.Url).AbsolutePath;
        await journey.Step(page, "place the item", async () =>
        {
            var place = page.Locator("form[action$='/place']").Filter(new() { HasText = title });
            await place.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = section });
            await place.GetByRole(AriaRole.Button, new() { Name = "编入" }).ClickAsync();
            await Expect(page.Locator("main ol.list-group").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
            await journey.CheckAccessibilityAsync(page, "issue (draft with the item)");
        });
        await journey.Step(page, "submit the issue for review", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "提交总编辑审核" }).ClickAsync();
            await Expect(page.Locator("#issue-status")).ToHaveTextAsync("待总编辑审核");
        });
        return path;
    }

    /// <summary>The chief editor approves (ticking 已逐条核对 when the 错敏词 check found something), confirms 保密审查 and publishes now.</summary>
    public static async Task ApproveAndPublishAsync(this Journey journey, IPage page, string issuePath)
    {
        await journey.Step(page, "approve the issue", async () =>
        {
            await page.GotoAsync(issuePath);
            await Expect(page.Locator("#issue-status")).ToHaveTextAsync("待总编辑审核");
            await journey.CheckAccessibilityAsync(page, "issue (in review)");
            var approve = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }) });
            var hits = approve.GetByLabel(new Regex("已逐条核对"));
            if (await hits.CountAsync() > 0)
            {
                await hits.CheckAsync();
            }

            await approve.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await Expect(page.Locator("#issue-status")).ToHaveTextAsync("已审核");
            await journey.CheckAccessibilityAsync(page, "issue (approved)");
        });
        await journey.Step(page, "publish the issue", async () =>
        {
            var publish = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "立即发布" }) });
            await Expect(publish.GetByLabel(new Regex("发送电子邮件"))).ToBeCheckedAsync();
            await publish.GetByLabel(new Regex("我已完成保密审查")).CheckAsync();
            await publish.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
            await Expect(page.Locator("#issue-status")).ToHaveTextAsync("已发布");
            await journey.CheckAccessibilityAsync(page, "issue (published)");
        });
    }
}
