using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Media;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// Every page issue 15 changed, with a picture and an attachment on it, at 1280 px and on a 375 px phone, as the editor who
/// uses it: the editor, details, history, 更正 and conflict pages and the published article. No sideways scroll, axe and the
/// HTML checker clean; screenshots in the journey's artifacts folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArticlePagesWithMediaTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    private const string Caption = "图为志愿者走进蚕桑基地讲解优生优育知识";

    [Fact]
    public async Task The_article_pages_with_a_picture_and_an_attachment_read_well_on_a_phone_and_a_desktop()
    {
        var portal = server.Portal;
        var published = 0;
        await portal.PublishNewIssueAsync("11月20日，灵山县计生协组织志愿者走进蚕桑基地。", prepare: async (editor, id) =>
        {
            published = id;
            await WithMediaAsync(portal, editor, id);
        });
        var editorClient = await portal.SignedInAsync(Roles.Editor);
        var draft = await editorClient.WriteArticleAsync("灵山县计生协志愿者走进蚕桑基地", "第一段。");
        await WithMediaAsync(portal, editorClient, draft);

        var editor = await portal.EnsureUserAsync(Roles.Editor);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var html = new Dictionary<string, string>();
        foreach (var (width, mobile) in new[] { (1280, false), (375, true) })
        {
            var page = await journey.NewPageAsync(width, mobile ? 812 : 900, mobile);
            await journey.SignInAsync(page, editor.Email!);
            foreach (var (label, path) in new[]
            {
                ("editor", $"/editorial/articles/{draft}/edit"),
                ("details", $"/editorial/articles/{draft}"),
                ("history", $"/editorial/articles/{draft}/history"),
                ("correction", $"/editorial/articles/{published}/correct"),
                ("article", $"/articles/{published}"),
            })
            {
                await journey.Step(page, $"{label} at {width} px", async () =>
                {
                    var response = await page.GotoAsync(path);
                    Assert.Equal(200, response!.Status);
                    if (label == "history")
                    {
                        await Expect(page.Locator("main")).ToContainTextAsync("1 张"); // the pictures each revision used
                    }
                    else
                    {
                        await Expect(page.Locator("main img[src^='/media/']").First).ToBeVisibleAsync();
                    }

                    await CheckAsync(journey, page, label, width);
                    html[$"{label}@{width}"] = await (await page.Context.APIRequest.GetAsync(path)).TextAsync();
                });
            }

            await journey.Step(page, $"conflict at {width} px", async () =>
            {
                await page.GotoAsync($"/editorial/articles/{draft}/edit");
                await portal.WithDbAsync(async db =>
                {
                    var article = await db.Articles.SingleAsync(a => a.Id == draft);
                    article.Title += "（另一人改过）";
                    return await db.SaveChangesAsync();
                });
                await page.FillBodyAsync($"第一段，改了。\n\n![{Caption}](/media/{await FirstPictureAsync(portal, draft)} \"{Caption}\")");
                await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
                await Expect(page.Locator("main")).ToContainTextAsync("保存冲突：别人刚刚保存了这篇稿件");
                await CheckAsync(journey, page, "conflict", width);
                html[$"conflict@{width}"] = await page.ContentAsync();
            });
        }

        var errors = await NuHtmlChecker.ErrorsAsync(html);
        Assert.True(errors.Count == 0, "The HTML checker found errors:\n" + string.Join("\n", errors));
        journey.AssertAccessible();
    }

    /// <summary>A picture placed in the text with its caption, and an attachment, as an editor adds them.</summary>
    private static async Task WithMediaAsync(PortalFactory portal, HttpClient editor, int id)
    {
        var picture = (await TestImages.ReadAsync(await TestImages.UploadAsync(editor, id, [(TestImages.Png(1200, 800), "蚕桑基地.png")], caption: Caption))).Files.Single();
        await TestImages.UploadAsync(editor, id, [(TestImages.Pdf(), "灵山县优生优育宣传资料（2023年11月）.pdf")], kind: "attachment");
        var saved = await editor.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", new()
        {
            ["Title"] = await portal.ArticleAsync(id, a => a.Title),
            ["Body"] = $"11月20日，灵山县计生协组织志愿者走进蚕桑基地，为蚕农讲解优生优育知识。\n\n{picture.Markdown}\n\n活动受到群众欢迎。",
            ["SectionId"] = "6",
            ["Version"] = (await portal.ArticleAsync(id, a => a.Version)).ToString(),
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static Task<int> FirstPictureAsync(PortalFactory portal, int articleId) =>
        portal.WithDbAsync(db => db.MediaFiles.Where(m => m.ArticleId == articleId && m.Kind == MediaKind.Picture).Select(m => m.Id).FirstAsync());

    private static async Task CheckAsync(Journey journey, IPage page, string label, int width)
    {
        await journey.CheckAccessibilityAsync(page, $"{label} (picture and attachment)");
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, $"media-{Regex.Replace(label, "\\W", "-")}-{width}.png"), FullPage = true });
    }
}
