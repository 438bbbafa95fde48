using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsletter.IntegrationTests;
using Newsletter.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace Newsletter.EndToEndTests;

/// <summary>
/// Writing comfort in Chromium: the Markdown editor's Chinese toolbar, pasting a Word fragment (mso classes, &lt;o:p&gt;,
/// font and colour spans, a Word list, a table) as clean Markdown, the page at 1280 and 375 px, and text typed while
/// the connection is lost offered back on reopening.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WritingJourneyTests(BrowserFixture browser, PortalServer server) : IClassFixture<PortalServer>
{
    /// <summary>What Word puts on the clipboard (trimmed): conditional comments, Office tags, fonts and colours everywhere.</summary>
    internal const string WordHtml = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
        <head><meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {font-family:宋体;} --></style></head>
        <body lang=ZH-CN><!--StartFragment-->
        <h2><span style='font-family:黑体;color:#C00000'>一、提高政治站位</span></h2>
        <p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312;color:red'>　　各市计生协要<b>高度重视</b>宣传工作。<o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:仿宋_GB2312'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>加强组织领导<o:p></o:p></span></p>
        <p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:仿宋_GB2312'><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>落实工作责任<o:p></o:p></span></p>
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>
        <table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
        <tr><td style='width:100pt'><p class=MsoNormal><b><span style='font-family:黑体'>单位</span></b><o:p></o:p></p></td><td><p class=MsoNormal><b>人数</b></p></td></tr>
        <tr><td><p class=MsoNormal><span style='color:#333333'>南宁市</span></p></td><td><p class=MsoNormal>120</p></td></tr>
        </table>
        <p class=MsoNormal><img width=100 src="file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"><o:p></o:p></p>
        <!--EndFragment--></body></html>
        """;

    internal const string Expected = "## 一、提高政治站位\n\n各市计生协要**高度重视**宣传工作。\n\n1. 加强组织领导\n2. 落实工作责任\n\n| 单位 | 人数 |\n| --- | --- |\n| 南宁市 | 120 |";

    [Fact]
    public async Task A_correspondent_pastes_from_word_into_the_markdown_editor()
    {
        var correspondent = await server.Portal.EnsureUserAsync(Roles.Correspondent);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var page = await journey.NewPageAsync();
        await journey.SignInAsync(page, correspondent.Email!);
        await journey.Step(page, "the editor's toolbar speaks Chinese", async () =>
        {
            await page.GotoAsync("/editorial/articles/new");
            var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "正文格式" });
            foreach (var label in new[] { "一、", "（一）", "加粗", "列表", "编号", "引用", "图片", "链接", "并排预览", "全屏" })
            {
                await Expect(toolbar.Locator("button").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(label) + "$") })).ToBeVisibleAsync();
            }

            await Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "一级标题（一、……）" })).ToHaveAttributeAsync("title", new Regex("^一级标题（一、……）"));
            await Expect(toolbar.Locator("button.bold")).ToHaveAttributeAsync("title", new Regex("^加粗"));
        });
        await journey.Step(page, "paste a Word fragment", async () =>
        {
            await page.Locator("#Title").FillAsync("全区计生协宣传工作会议召开");
            await page.Locator(".CodeMirror").ClickAsync();
            await page.EvaluateAsync("""
                html => {
                    const input = document.querySelector('.CodeMirror textarea');
                    const data = new DataTransfer();
                    data.setData('text/html', html);
                    data.setData('text/plain', '一、提高政治站位');
                    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                }
                """, WordHtml);
            await Expect(page.Locator("#Body")).ToHaveValueAsync(Expected);
            await Expect(page.Locator("#body-preview strong")).ToHaveTextAsync("高度重视");
            await Expect(page.Locator("#body-preview table td").First).ToHaveTextAsync("南宁市");
            await CheckPageAsync(journey, page, "editor after a paste from Word");
        });
        await journey.Step(page, "save; the same page on a phone", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"));
            var phone = await journey.NewPageAsync(375, 800, mobile: true);
            await journey.SignInAsync(phone, correspondent.Email!);
            await phone.GotoAsync(new Uri(page.Url).AbsolutePath + "/edit");
            await Expect(phone.Locator("#Body")).ToHaveValueAsync(Expected);
            await CheckPageAsync(journey, phone, "editor on a phone");
        });
        journey.AssertAccessible();
    }

    [Fact]
    public async Task Text_typed_while_offline_is_offered_back_on_reopening()
    {
        var correspondent = await server.Portal.EnsureUserAsync(Roles.Correspondent);
        await using var journey = new Journey(browser.Browser, server.BaseUrl);
        var page = await journey.NewPageAsync();
        await journey.SignInAsync(page, correspondent.Email!);
        var edit = await journey.Step(page, "write and save a draft", async () =>
        {
            await page.GotoAsync("/editorial/articles/new");
            await page.Locator("#Title").FillAsync("钦州市计生协开展义诊");
            await page.FillBodyAsync("第一段。");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/editorial/articles/\d+$"));
            return new Uri(page.Url).AbsolutePath + "/edit";
        });
        await journey.Step(page, "type while the connection is lost, then leave", async () =>
        {
            await page.GotoAsync(edit);
            // The connection to the server is lost for the saves: every autosave request fails. The page is left open (as a
            // tab on a laptop that lost its network): closing it sends one more save with keepalive, which the browser
            // delivers outside the page and so outside any interception — in real use that last save is welcome.
            await page.Context.RouteAsync("**/autosave", route => route.AbortAsync("internetdisconnected"));
            await page.PlaceCursorAsync();
            await page.Keyboard.TypeAsync("断网时写的第二段。");
            await page.EvaluateAsync("() => window.dispatchEvent(new Event('pagehide'))");
            await Expect(page.Locator(".draft-status")).ToHaveTextAsync("未能保存（离线），内容已保存在本机");
        });
        var again = await page.Context.NewPageAsync();
        await journey.Step(again, "reopen: the local copy is offered and restored", async () =>
        {
            await again.GotoAsync(edit);
            await Expect(again.Locator("#Body")).ToHaveValueAsync("第一段。");
            await again.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的内容" }).ClickAsync();
            await Expect(again.Locator("#Body")).ToHaveValueAsync("第一段。断网时写的第二段。");
            await Expect(again.Locator(".CodeMirror")).ToContainTextAsync("断网时写的第二段。");
            await again.Context.UnrouteAllAsync(); // the connection is back
            await again.EvaluateAsync("() => window.dispatchEvent(new Event('pagehide'))");
            await Expect(again.Locator(".draft-status")).ToHaveTextAsync(new Regex(@"^已自动保存 \d\d:\d\d$"));
            Assert.Equal("第一段。断网时写的第二段。", await server.Portal.WithDbAsync(db =>
                Task.FromResult(db.Articles.Single(a => a.Title == "钦州市计生协开展义诊").Body)));
        });
        journey.AssertAccessible();
    }

    /// <summary>axe, no sideways scroll, a screenshot to look at.</summary>
    private static async Task CheckPageAsync(Journey journey, IPage page, string label)
    {
        await journey.CheckAccessibilityAsync(page, label);
        await Journey.AssertNoSidewaysScrollAsync(page, label);
        Directory.CreateDirectory(journey.ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(journey.ArtifactsFolder, $"{label.Replace(' ', '-')}-{page.ViewportSize?.Width}.png"), FullPage = true });
    }
}
