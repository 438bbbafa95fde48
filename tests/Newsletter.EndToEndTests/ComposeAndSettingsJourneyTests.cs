using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// Issue 17 points 4 and 5 in Chromium at 1280 and 375 px: the editor drags an article to a new place on the compose page
/// (the order is saved by one request and survives a reload), and the administrator's 栏目设置 and 刊物设置 pages.
/// axe clean, no sideways scroll, screenshots in the journey's artifacts folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposeAndSettingsJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private static readonly string[] Titles = ["南宁市开展新时代婚育文化宣传", "柳州市调研家庭发展", "桂林市推进托育服务"];

    [Fact]
    public async Task Editor_drags_an_article_and_the_admin_pages_read_well_on_a_phone_and_a_desktop()
    {
        var portal = server.Portal;
        var client = await portal.SignedInAsync(Roles.Editor);
        var ids = new List<int>();
        foreach (var title in Titles)
        {
            ids.Add(await client.WriteArticleAsync(title, "正文。", "1"));
            await client.ArticleActionAsync(ids[^1], ArticleAction.Accept);
        }

        var issueId = IntegrationTests.Features.Editorial.EditorialSteps.IdFrom(await client.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6" }));
        var compose = $"/editorial/issues/{issueId}";
        var editor = await portal.EnsureUserAsync(Roles.Editor);
        var admin = await portal.EnsureUserAsync(Roles.Administrator);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);

        var desk = await journey.NewPageAsync();
        await journey.SignInAsync(desk, editor.Email!);
        await journey.Step(desk, "place the three articles at once", async () =>
        {
            await desk.GotoAsync(compose);
            foreach (var title in Titles)
            {
                await desk.GetByLabel($"选中《{title}》").CheckAsync();
            }

            await desk.GetByRole(AriaRole.Button, new() { Name = "编入所选稿件" }).ClickAsync();
            await Expect(desk.Locator("main .alert-success")).ToContainTextAsync("已编入 3 篇稿件");
            await Expect(desk.Locator(".running-toc ol li")).ToHaveTextAsync(Titles);
        });
        await journey.Step(desk, "drag the first article below the third", async () =>
        {
            var list = desk.Locator("ol[data-section-id='1']");
            var from = await list.Locator("li").Nth(0).Locator(".drag-handle").BoundingBoxAsync();
            var to = await list.Locator("li").Nth(2).BoundingBoxAsync();
            await desk.Mouse.MoveAsync(from!.X + from.Width / 2, from.Y + from.Height / 2);
            await desk.Mouse.DownAsync();
            await desk.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2 + 10, new() { Steps = 5 });
            var reloaded = desk.WaitForResponseAsync(r => r.Url.EndsWith(compose, StringComparison.Ordinal) && r.Request.Method == "GET");
            // Through the middle one, then just past the last one's lower edge (SortableJS's "after the last item").
            var middle = await list.Locator("li").Nth(1).BoundingBoxAsync();
            await desk.Mouse.MoveAsync(middle!.X + middle.Width / 2, middle.Y + middle.Height / 2, new() { Steps = 10 });
            await desk.Mouse.MoveAsync(to!.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 10 });
            await desk.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height + 4, new() { Steps = 10 });
            // SortableJS moves the item in the page while it is dragged: hover the last item's lower half until the dragged
            // one sits below it, and release only then (a release before the drag events are handled dropped it one short).
            await DragUntilLastAsync(desk, list, Titles[0]);
            await desk.Mouse.UpAsync();
            await reloaded;
            await Expect(desk.Locator("main .alert-success")).ToContainTextAsync("顺序已调整");
            await desk.ReloadAsync();
            string[] moved = [Titles[1], Titles[2], Titles[0]];
            await Expect(desk.Locator("ol[data-section-id='1'] li a")).ToHaveTextAsync(moved);
            await Expect(desk.Locator(".running-toc ol li")).ToHaveTextAsync(moved);
        });
        var positions = await portal.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Position).Select(a => a.Id).ToListAsync());
        Assert.Equal([ids[1], ids[2], ids[0]], positions);

        foreach (var (width, mobile) in new[] { (1280, false), (375, true) })
        {
            var page = width == 1280 ? desk : await journey.NewPageAsync(width, 812, mobile);
            if (width != 1280)
            {
                await journey.SignInAsync(page, editor.Email!);
            }

            await journey.Step(page, $"compose page at {width} px", async () =>
            {
                await page.GotoAsync(compose);
                await CheckAsync(journey, page, "compose", width);
            });
            var settings = await journey.NewPageAsync(width, mobile ? 812 : 900, mobile);
            await journey.SignInAsync(settings, admin.Email!);
            foreach (var (label, path) in new[] { ("sections", "/admin/sections"), ("publication", "/admin/publication") })
            {
                await journey.Step(settings, $"{label} at {width} px", async () =>
                {
                    Assert.Equal(200, (await settings.GotoAsync(path))!.Status);
                    await CheckAsync(journey, settings, label, width);
                });
            }
        }

        journey.AssertAccessible();
    }

    /// <summary>Keeps the (pressed) pointer moving over the lower half of the list's last item until <paramref name="title"/> is last.</summary>
    internal static async Task DragUntilLastAsync(IPage page, ILocator list, string title)
    {
        for (var i = 0; i < 20 && (await list.Locator("li").Last.TextContentAsync())?.Contains(title, StringComparison.Ordinal) != true; i++)
        {
            var box = await list.Locator("li").Last.BoundingBoxAsync();
            await page.Mouse.MoveAsync(box!.X + box.Width / 2, box.Y + (box.Height * 0.75f) + (i % 3), new() { Steps = 3 });
        }

        await Expect(list.Locator("li").Last).ToContainTextAsync(title);
    }

    private static async Task CheckAsync(Journey journey, IPage page, string label, int width)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, $"{Regex.Replace(label, "\\W", "-")}-{width}.png"), FullPage = true });
    }
}
