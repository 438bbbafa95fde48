using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Media;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// The editor's 图片和附件 panel by hand: several files at once (a picture, an attachment, a refused file), 替换 that
/// re-points the text, 删除 at once when only the unsaved text had the picture, and after the save when the saved one did.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaPanelJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_correspondent_uploads_replaces_and_deletes_in_the_media_panel()
    {
        var correspondent = await server.Portal.EnsureUserAsync(Roles.Correspondent);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var page = await journey.NewPageAsync();
        await journey.SignInAsync(page, correspondent.Email!);
        var id = await journey.Step(page, "write a draft", async () =>
        {
            await page.GotoAsync("/editorial/articles/new");
            await Expect(page.Locator("main")).ToContainTextAsync("保存草稿后即可添加图片和附件");
            await page.Locator("#Title").FillAsync("叠彩区亲子小屋开展绘本共读");
            await page.FillBodyAsync("第一段。\n\n第二段。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
            return int.Parse(page.Url.Split('/')[^1]);
        });
        var body = page.Locator("#Body");
        var list = page.Locator("[data-media-list]");

        await journey.Step(page, "three files at once: a picture after the first paragraph, an attachment, a refused file", async () =>
        {
            await page.GotoAsync($"/editorial/articles/{id}/edit");
            await page.PlaceCursorAsync(4); // after 第一段。
            await page.Locator("#media-files").SetInputFilesAsync(
            [
                new FilePayload { Name = "绘本共读.png", MimeType = "image/png", Buffer = TestImages.Png(64, 48) },
                new FilePayload { Name = "活动方案.pdf", MimeType = "application/pdf", Buffer = TestImages.Pdf() },
                new FilePayload { Name = "通知.pdf", MimeType = "application/pdf", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() },
            ]);
            await Expect(list.Locator("li.media-failed [role=alert]")).ToContainTextAsync("附件只接受");
            await Expect(list.Locator("li[data-kind=picture]")).ToHaveCountAsync(1);
            await Expect(list.Locator("li[data-kind=attachment]")).ToContainTextAsync("活动方案.pdf（PDF 文档，1 KB）");
            await Expect(body).ToHaveValueAsync(new Regex(@"^第一段。\n\n!\[绘本共读\]\(/media/\d+\)\n\n第二段。$"));
            await Expect(page.Locator("#body-preview figure img")).ToBeVisibleAsync();
            await journey.CheckAccessibilityAsync(page, "editor (picture, attachment, refused file)");
            Directory.CreateDirectory(journey.ArtifactsFolder);
            await list.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, "panel-1280.png") });
        });

        var first = await PictureIdAsync(list);
        await journey.Step(page, "替换 puts the new picture where the old one was", async () =>
        {
            var item = list.Locator($"li[data-id='{first}']");
            await item.GetByLabel(new Regex("^图注")).FillAsync("图为亲子共读绘本");
            var chooser = await page.RunAndWaitForFileChooserAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "替换" }).ClickAsync());
            await chooser.SetFilesAsync(new FilePayload { Name = "绘本共读-新.png", MimeType = "image/png", Buffer = TestImages.Png(80, 60, shade: 90) });
            await Expect(list.Locator($"li[data-id='{first}']")).ToHaveCountAsync(0);
            var second = await PictureIdAsync(list);
            await Expect(body).ToHaveValueAsync($"第一段。\n\n![图为亲子共读绘本](/media/{second} \"图为亲子共读绘本\")\n\n第二段。");
            await Expect(page.Locator($"#body-preview figure img[src^='/media/{second}/']")).ToBeVisibleAsync();
        });

        await journey.Step(page, "删除 of a picture only the unsaved text shows: gone at once", async () =>
        {
            var second = await PictureIdAsync(list);
            await list.Locator($"li[data-id='{second}']").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(list.Locator("li[data-kind=picture]")).ToHaveCountAsync(0);
            await Expect(body).ToHaveValueAsync("第一段。\n\n第二段。");
            Assert.True(await RemovedAsync(second));
        });

        await journey.Step(page, "删除 of a picture the saved text shows waits for the save", async () =>
        {
            await page.PlaceCursorAsync();
            await page.Locator("#media-files").SetInputFilesAsync(new FilePayload { Name = "合影.png", MimeType = "image/png", Buffer = TestImages.Png(30, 20) });
            await Expect(list.Locator("li[data-kind=picture] button", new() { HasText = "替换" })).ToHaveCountAsync(1);
            var third = await PictureIdAsync(list);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
            await page.GotoAsync($"/editorial/articles/{id}/edit");
            var item = list.Locator($"li[data-id='{third}']");
            await item.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(item).ToContainTextAsync("保存稿件后删除此图片");
            await Expect(body).Not.ToHaveValueAsync(new Regex("/media/"));
            Assert.False(await RemovedAsync(third));
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
            Assert.True(await RemovedAsync(third));
        });

        await journey.Step(page, "删除 of the attachment", async () =>
        {
            await page.GotoAsync($"/editorial/articles/{id}/edit");
            await list.Locator("li[data-kind=attachment]").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(list.Locator("li")).ToHaveCountAsync(0);
            Assert.Equal(0, await server.Portal.WithDbAsync(db => db.MediaFiles.CountAsync(m => m.ArticleId == id && m.RemovedAt == null)));
        });

        journey.AssertAccessible();
    }

    private static async Task<int> PictureIdAsync(ILocator list) =>
        int.Parse((await list.Locator("li[data-kind=picture]").GetAttributeAsync("data-id"))!);

    /// <summary>Off the article's list (removed, or freed altogether when no revision shows it).</summary>
    private Task<bool> RemovedAsync(int mediaId) =>
        server.Portal.WithDbAsync(async db => !await db.MediaFiles.AnyAsync(m => m.Id == mediaId && m.RemovedAt == null));
}
