using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// Journey (d): an editor on a phone puts a phone photo (stored landscape, EXIF orientation 6) into an item; it is
/// upright in the live preview and, once the issue is published, on the article page at 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PictureJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Title = "灵山县计生协志愿者走进蚕桑基地";
    private const string Body = "11月20日，钦州市灵山县计生协组织志愿者走进蚕桑基地，为蚕农讲解优生优育知识。";
    private const string Caption = "图为志愿者向蚕农讲解优生优育知识";

    /// <summary>
    /// A photo as a phone held upright stores it: 640×480 pixels turned on their side, with orientation 6 saying
    /// "turn 90° clockwise". Upright it is 480×640 with red top-left, green top-right, blue bottom-left, yellow
    /// bottom-right, so stored: green top-left, yellow top-right, red bottom-left, blue bottom-right.
    /// </summary>
    private const string StoredPhotoScript = """
        () => {
          const c = document.createElement('canvas'); c.width = 640; c.height = 480;
          const g = c.getContext('2d');
          [['#1eb41e', 0, 0], ['#e6dc28', 320, 0], ['#dc1e1e', 0, 240], ['#1e1edc', 320, 240]]
            .forEach(([color, x, y]) => { g.fillStyle = color; g.fillRect(x, y, 320, 240); });
          return c.toDataURL('image/jpeg', 0.92).split(',')[1];
        }
        """;

    /// <summary>[naturalWidth, naturalHeight, red, green, blue of a pixel near the top-left corner] of a loaded picture.</summary>
    private const string PictureScript = """
        img => {
          const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
          const g = c.getContext('2d'); g.drawImage(img, 0, 0);
          const p = g.getImageData(Math.floor(img.naturalWidth / 8), Math.floor(img.naturalHeight / 8), 1, 1).data;
          return [img.naturalWidth, img.naturalHeight, p[0], p[1], p[2]];
        }
        """;

    [Fact]
    public async Task An_editor_on_a_phone_puts_a_phone_photo_in_an_item_and_readers_see_it_upright()
    {
        var correspondent = await server.Portal.EnsureUserAsync(Roles.Correspondent);
        var editor = await server.Portal.EnsureUserAsync(Roles.Editor);
        var chief = await server.Portal.EnsureUserAsync(Roles.ChiefEditor);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var pages = new Dictionary<string, string>();

        var writer = await journey.NewPageAsync();
        await journey.SignInAsync(writer, correspondent.Email!);
        var articlePath = await journey.WriteAndSubmitAsync(writer, Title, Body, "基层简讯");

        var phone = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.SignInAsync(phone, editor.Email!);
        await journey.Step(phone, "open the editor on the phone", async () =>
        {
            await phone.GotoAsync(articlePath + "/edit");
            await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "图片和附件" })).ToBeVisibleAsync();
            await CheckPhonePageAsync(journey, phone, "editor (no pictures yet)");
        });
        await journey.Step(phone, "upload a phone photo at the end of the text", async () =>
        {
            var photo = MediaTestFiles.WithExifOrientation(Convert.FromBase64String(await phone.EvaluateAsync<string>(StoredPhotoScript)), 6);
            await phone.Locator(".CodeMirror").ClickAsync();
            await phone.Keyboard.PressAsync("Control+End");
            await phone.Locator("#media-files").SetInputFilesAsync(new FilePayload { Name = "IMG_20231120_093512.jpg", MimeType = "image/jpeg", Buffer = photo });
            var item = phone.Locator("[data-media-list] li[data-kind=picture]");
            await Expect(item).ToHaveCountAsync(1);
            await Expect(item.Locator("[role=alert]")).ToHaveCountAsync(0);
            await Expect(item.GetByRole(AriaRole.Button, new() { Name = "替换" })).ToBeVisibleAsync();
            await Expect(phone.Locator("#Body")).ToHaveValueAsync(new Regex(Regex.Escape(Body) + @"\n\n!\[[^\]]*\]\(/media/\d+\)\n$"));
            await item.GetByLabel(new Regex("^图注")).FillAsync(Caption);
            await Expect(phone.Locator("#Body")).ToHaveValueAsync(new Regex($@"!\[{Caption}\]\(/media/\d+ ""{Caption}""\)"));
        });
        await journey.Step(phone, "the preview shows the photo upright with its caption", async () =>
        {
            var figure = phone.Locator("#body-preview figure.article-figure");
            await Expect(figure.Locator("figcaption")).ToHaveTextAsync(Caption);
            await AssertUprightAsync(figure.Locator("img"), "the preview");
            await CheckPhonePageAsync(journey, phone, "editor (with a picture)");
            await figure.ScrollIntoViewIfNeededAsync();
            await phone.ScreenshotAsync(new() { Path = Shot(journey, "editor-375.png"), FullPage = true });
            // The panel's script-built DOM is checked; CodeMirror's own (vendored, with cm-* attributes) is left out.
            pages["editor (DOM after upload)"] = await phone.EvaluateAsync<string>(
                "() => { const d = document.documentElement.cloneNode(true); d.querySelectorAll('.CodeMirror').forEach(n => n.remove()); return '<!DOCTYPE html>' + d.outerHTML; }");
        });
        await journey.Step(phone, "save the item", async () =>
        {
            await phone.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await phone.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"));
            await Expect(phone.Locator("main article figure figcaption")).ToHaveTextAsync(Caption);
            foreach (var path in new[] { articlePath, articlePath + "/edit", articlePath + "/history" })
            {
                pages[path] = await (await phone.Context.APIRequest.GetAsync(path)).TextAsync();
            }
        });

        var desk = await journey.NewPageAsync();
        await journey.SignInAsync(desk, editor.Email!);
        await journey.Step(desk, "the editor with the picture at 1280 px", async () =>
        {
            await desk.GotoAsync(articlePath + "/edit");
            await AssertUprightAsync(desk.Locator("#body-preview figure img"), "the preview at 1280 px");
            await journey.CheckAccessibilityAsync(desk, "editor (with a picture)");
            await desk.ScreenshotAsync(new() { Path = Shot(journey, "editor-1280.png"), FullPage = true });
        });
        await journey.AcceptFromDeskAsync(desk, Title);
        var issuePath = await journey.ComposeAndSubmitAsync(desk, Title, "基层简讯");
        var review = await journey.NewPageAsync();
        await journey.SignInAsync(review, chief.Email!);
        await journey.ApproveAndPublishAsync(review, issuePath);

        var reader = await journey.NewPageAsync(375, 812, mobile: true);
        await journey.Step(reader, "a reader on a phone sees the photo upright", async () =>
        {
            await reader.GotoAsync("/");
            await reader.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
            await reader.WaitForURLAsync("**/articles/*");
            var figure = reader.Locator("main article figure.article-figure");
            await Expect(figure.Locator("figcaption")).ToHaveTextAsync(Caption);
            await AssertUprightAsync(figure.Locator("img"), "the published article");
            await CheckPhonePageAsync(journey, reader, "article (with a picture)");
            await reader.ScreenshotAsync(new() { Path = Shot(journey, "article-375.png"), FullPage = true });
            pages["article (published)"] = await (await reader.Context.APIRequest.GetAsync(new Uri(reader.Url).AbsolutePath)).TextAsync();
        });
        var wide = await journey.NewPageAsync();
        await journey.Step(wide, "the article page at 1280 px", async () =>
        {
            await wide.GotoAsync(new Uri(reader.Url).AbsolutePath);
            await AssertUprightAsync(wide.Locator("main article figure img"), "the published article at 1280 px");
            await journey.CheckAccessibilityAsync(wide, "article (with a picture)");
            await wide.ScreenshotAsync(new() { Path = Shot(journey, "article-1280.png"), FullPage = true });
        });

        var errors = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.True(errors.Count == 0, "The HTML checker found errors:\n" + string.Join("\n", errors));
        journey.AssertAccessible();
    }

    /// <summary>Portrait (the stored pixels were landscape) and red at the top-left: turned the way orientation 6 says.</summary>
    private static async Task AssertUprightAsync(ILocator image, string where)
    {
        await image.ScrollIntoViewIfNeededAsync();
        await Expect(image).ToBeVisibleAsync();
        await image.EvaluateAsync("img => img.complete && img.naturalWidth > 0 ? true : new Promise((ok, fail) => { img.onload = () => ok(true); img.onerror = () => fail(new Error('the picture did not load: ' + img.currentSrc)); })");
        var p = await image.EvaluateAsync<int[]>(PictureScript);
        var (width, height, red, green, blue) = (p[0], p[1], p[2], p[3], p[4]);
        Assert.True(width < height, $"{where}: the phone photo is not upright ({width}×{height}, stored 640×480 with orientation 6)");
        Assert.True(red > 180 && green < 80 && blue < 80, $"{where}: the top-left corner should be red, is rgb({red},{green},{blue})");
    }

    private static async Task CheckPhonePageAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
    }

    private static string Shot(Journey journey, string name)
    {
        Directory.CreateDirectory(journey.ArtifactsFolder);
        return Path.Combine(journey.ArtifactsFolder, name);
    }
}
