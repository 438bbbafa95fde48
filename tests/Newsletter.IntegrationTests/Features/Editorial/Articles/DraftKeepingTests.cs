using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>
/// 自动保存 and reading a Word file into the editor, through the endpoints the editor's script calls: an autosave keeps the
/// text under the version rule without a revision (the next 保存 makes one), a .docx fills 标题 and 正文 without saving.
/// </summary>
public sealed class DraftKeepingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Autosave_keeps_the_text_and_version_rule_without_a_revision_until_the_next_save()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("灵山县计生协开展培训", "第一段。");
        var version = await portal.ArticleAsync(id, a => a.Version);

        var saved = await AutosaveAsync(correspondent, id, "第一段。\n\n第二段，自动保存的。", version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var newVersion = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32();
        Assert.Equal((version + 1, "第一段。\n\n第二段，自动保存的。"), await portal.ArticleAsync(id, a => (a.Version, a.Body)));
        Assert.Equal(newVersion, await portal.ArticleAsync(id, a => a.Version));
        Assert.Equal(1, await RevisionsAsync(id));

        var again = await AutosaveAsync(correspondent, id, "第一段。\n\n第二段，自动保存的。\n\n第三段。", newVersion);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await RevisionsAsync(id));

        var stale = await AutosaveAsync(correspondent, id, "旧页面上的文字。", version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("别人保存了这篇稿件", await stale.Content.ReadAsStringAsync());
        Assert.EndsWith("第三段。", await portal.ArticleAsync(id, a => a.Body));

        var current = await portal.ArticleAsync(id, a => a.Version);
        var save = await correspondent.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", new()
        {
            ["Title"] = "灵山县计生协开展培训", ["Body"] = "第一段。\n\n第二段，自动保存的。\n\n第三段。", ["SectionId"] = "6",
            ["Version"] = current.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var revisions = await portal.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderBy(r => r.Number).Select(r => r.Body).ToListAsync());
        Assert.Equal(["第一段。", "第一段。\n\n第二段，自动保存的。\n\n第三段。"], revisions);
    }

    [Fact]
    public async Task Autosave_is_refused_to_a_member_to_another_correspondent_and_for_an_unknown_article()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("叠彩区亲子小屋开展绘本共读", "原文。");
        var version = await portal.ArticleAsync(id, a => a.Version);

        var member = await portal.SignedInAsync(Roles.Member);
        var refused = await member.PostFormAsync("/account/password", $"/editorial/articles/{id}/autosave", new()
        {
            ["Title"] = "改", ["Body"] = "改了。", ["Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString);

        var other = await portal.SignedInAsync(Roles.Correspondent, "other-correspondent@example.cn");
        Assert.Equal(HttpStatusCode.NotFound, (await AutosaveAsync(other, id, "别人的文字。", version, formPage: "/editorial/articles/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AutosaveAsync(correspondent, 999_999, "文字。", 1, formPage: "/editorial/articles/new")).StatusCode);
        Assert.Equal(("原文。", version), await portal.ArticleAsync(id, a => (a.Body, a.Version)));
    }

    [Fact]
    public async Task An_office_made_docx_fills_title_and_body_without_saving()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("待定标题", "原文。");
        var version = await portal.ArticleAsync(id, a => a.Version);
        var docx = ArticleDocxFile.Build("南宁市计生协召开2023年工作会议",
            ["3月8日，南宁市计生协召开2023年工作会议。", "一、总结2022年工作", "全市各级计生协围绕中心、服务大局。", "二、部署2023年任务", "会议要求，各县（区）计生协要抓好落实。"]);

        var json = await UploadDocxAsync(correspondent, $"/editorial/articles/{id}/docx", $"/editorial/articles/{id}/edit", docx, "工作会议.docx", json: true);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var read = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("南宁市计生协召开2023年工作会议", read.GetProperty("title").GetString());
        Assert.Equal("3月8日，南宁市计生协召开2023年工作会议。\n\n## 一、总结2022年工作\n\n全市各级计生协围绕中心、服务大局。\n\n## 二、部署2023年任务\n\n会议要求，各县（区）计生协要抓好落实。",
            read.GetProperty("body").GetString());
        Assert.Equal(("待定标题", "原文。", version), await portal.ArticleAsync(id, a => (a.Title, a.Body, a.Version)));

        var form = await UploadDocxAsync(correspondent, "/editorial/articles/new/docx", "/editorial/articles/new", docx, "工作会议.docx", json: false);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await Html.ParseAsync(await form.Content.ReadAsStringAsync());
        Assert.Equal("南宁市计生协召开2023年工作会议", page.QuerySelector("#Title")?.GetAttribute("value"));
        Assert.StartsWith("3月8日", page.QuerySelector("#Body")?.TextContent.TrimStart());
        Assert.Contains("已从 Word 文件读入标题和正文", page.QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task A_renamed_doc_is_refused_in_chinese_and_an_unknown_article_is_404()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("原标题", "原文。");
        byte[] doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]];

        var refused = await UploadDocxAsync(correspondent, $"/editorial/articles/{id}/docx", $"/editorial/articles/{id}/edit", doc, "旧稿.docx", json: true);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("这是旧版 Word 文件（.doc）", await refused.Content.ReadAsStringAsync());

        var page = await UploadDocxAsync(correspondent, $"/editorial/articles/{id}/docx", $"/editorial/articles/{id}/edit", doc, "旧稿.docx", json: false);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await Html.ParseAsync(await page.Content.ReadAsStringAsync());
        Assert.Contains("另存为 .docx", html.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal("原文。", html.QuerySelector("#Body")?.TextContent.Trim());
        Assert.Equal(("原标题", "原文。"), await portal.ArticleAsync(id, a => (a.Title, a.Body)));

        var missing = await UploadDocxAsync(correspondent, "/editorial/articles/999999/docx", $"/editorial/articles/{id}/edit",
            ArticleDocxFile.Build("标题", ["正文。"]), "稿件.docx", json: false);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, int id, string body, int version, string? formPage = null) =>
        await client.PostFormAsync(formPage ?? $"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/autosave", new()
        {
            ["Title"] = "灵山县计生协开展培训", ["Body"] = body, ["SectionId"] = "6", ["Version"] = version.ToString(),
        });

    private static async Task<HttpResponseMessage> UploadDocxAsync(HttpClient client, string action, string formPage, byte[] bytes, string name, bool json)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(client, formPage)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", name },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    private Task<int> RevisionsAsync(int id) => portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));
}
