using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Media;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>
/// 图片和附件 through the writers' real forms: the editor's panel lists the files, the details page's plain form
/// uploads, the reading page lists attachments with a working download, restoring a revision brings its pictures back.
/// </summary>
public sealed class MediaEditorTests : IDisposable
{
    private readonly PortalFactory portal = new() { Settings = new() { ["Search:PollSeconds"] = "1" } };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Details_form_uploads_a_picture_and_the_editor_panel_lists_it()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var newPage = await correspondent.GetStringAsync("/editorial/articles/new");
        Assert.Contains("保存草稿后即可添加图片和附件", newPage);
        Assert.DoesNotContain("data-media-panel", newPage);

        var id = await correspondent.WriteArticleAsync("灵山县计生协开展培训", "11月20日，灵山县计生协举办培训班。");
        var details = await correspondent.GetPageAsync($"/editorial/articles/{id}");
        var form = details.Document.QuerySelector($"form[enctype='multipart/form-data'][action='/editorial/articles/{id}/media']");
        Assert.NotNull(form);
        Assert.NotNull(form!.QuerySelector("input[type=file][name=files][multiple]"));
        Assert.NotNull(form.QuerySelector("input[name=caption]"));
        Assert.NotNull(form.QuerySelector("input[name=alt]"));

        var upload = await UploadAsync(correspondent, id, "picture", ("培训现场.png", TestImages.Png(40, 30)), caption: "图为培训现场");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.EndsWith($"/editorial/articles/{id}", upload.Headers.Location!.OriginalString);
        var picture = await portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.ArticleId == id));
        Assert.Equal(("培训现场.png", "图为培训现场", "图为培训现场", MediaKind.Picture), (picture.OriginalName, picture.Caption, picture.Alt, picture.Kind));

        var markdown = $"![图为培训现场](/media/{picture.Id} \"图为培训现场\")";
        var after = await correspondent.GetPageAsync($"/editorial/articles/{id}");
        Assert.Contains("已上传 1 张图片", after.Document.QuerySelector("main")!.TextContent);
        Assert.Equal(markdown, (after.Document.QuerySelector($"#markdown-{picture.Id}") as IHtmlInputElement)?.Value);

        var edit = await correspondent.GetPageAsync($"/editorial/articles/{id}/edit");
        var panel = edit.Document.QuerySelector($"[data-media-panel='/editorial/articles/{id}/media']");
        Assert.NotNull(panel);
        var item = edit.Document.QuerySelector($"[data-media-list] li[data-id='{picture.Id}']");
        Assert.NotNull(item);
        Assert.Equal(("picture", "图为培训现场"), (item!.GetAttribute("data-kind"), item.GetAttribute("data-caption")));
        Assert.Contains("培训现场.png", item.TextContent);
        Assert.Contains("40×30", after.Body);
        Assert.NotNull(edit.Document.QuerySelector("script[src^='/js/media-panel.js']"));
    }

    [Fact]
    public async Task A_refused_file_comes_back_with_its_chinese_message_and_stores_nothing()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("上传出错的稿件", "正文。");
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var upload = await UploadAsync(correspondent, id, "attachment", ("通知.pdf", html));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = await correspondent.GetPageAsync($"/editorial/articles/{id}");
        Assert.Contains("附件只接受 PDF、Word、Excel 和 ZIP 文件", page.Document.QuerySelector("main [role=alert]")?.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.MediaFiles.CountAsync(m => m.ArticleId == id)));
    }

    [Fact]
    public async Task Published_article_lists_its_attachment_with_name_type_size_and_downloads_it_by_its_chinese_name()
    {
        await portal.PublishNewIssueAsync("河池市计生协组织志愿者开展宣传活动。");
        var id = await portal.WithDbAsync(db => db.Articles.Where(a => a.Title == "河池市开展婚育新风进万家活动").Select(a => a.Id).SingleAsync());
        var reader = portal.Browser();
        Assert.DoesNotContain("附件", await reader.GetStringAsync($"/articles/{id}")); // now cached without one

        var editor = await portal.SignedInAsync(Roles.Editor);
        var pdf = MediaTestFiles.Pdf((356 * 1024) - 10);
        var upload = await UploadAsync(editor, id, "attachment", ("2023年工作要点.pdf", pdf));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var file = await portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.ArticleId == id));

        var page = await reader.GetPageAsync($"/articles/{id}");
        var list = page.Document.QuerySelector("section.article-attachments");
        Assert.NotNull(list);
        Assert.Equal("附件", list!.QuerySelector("h2")!.TextContent);
        var link = list.QuerySelector("a") as IHtmlAnchorElement;
        Assert.Equal(("2023年工作要点.pdf", $"/media/{file.Id}/download"), (link?.TextContent, link?.GetAttribute("href")));
        Assert.Contains("（PDF 文档，356 KB）", list.TextContent);

        var download = await reader.GetAsync($"/media/{file.Id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!.ToString();
        Assert.Contains("filename*=UTF-8''2023%E5%B9%B4%E5%B7%A5%E4%BD%9C%E8%A6%81%E7%82%B9.pdf", disposition);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var correct = await editor.GetPageAsync($"/editorial/articles/{id}/correct");
        Assert.NotNull(correct.Document.QuerySelector($"[data-media-list] li[data-id='{file.Id}'][data-kind=attachment]")); // the 更正 page has the panel too
        var details = await editor.GetPageAsync($"/editorial/articles/{id}");
        Assert.Contains("（PDF 文档，356 KB）", details.Document.QuerySelector("main section.article-attachments")?.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/editorial/articles/{id}", $"/editorial/articles/{id}/media/{file.Id}/remove", [])).StatusCode);
        Assert.Null((await reader.GetPageAsync($"/articles/{id}")).Document.QuerySelector("section.article-attachments"));
    }

    [Fact]
    public async Task An_attachment_added_to_a_published_article_reaches_a_cached_reading_page_at_once()
    {
        await portal.PublishNewIssueAsync("河池市计生协组织志愿者开展宣传活动。");
        var id = await portal.WithDbAsync(db => db.Articles.Where(a => a.Title == "河池市开展婚育新风进万家活动").Select(a => a.Id).SingleAsync());
        var reader = portal.CreateClient();
        var editor = await portal.SignedInAsync(Roles.Editor);
        // Cached, and still cached one poll of the search indexer later (its pass after the publication evicts once):
        // a response from the output cache carries an Age header.
        var cached = false;
        for (var attempt = 0; attempt < 10 && !cached; attempt++)
        {
            await reader.GetAsync($"/articles/{id}");
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // one poll (Search:PollSeconds = 1)
            cached = (await reader.GetAsync($"/articles/{id}")).Headers.Age is not null;
        }

        Assert.True(cached, "The article page was never served from the cache.");
        await UploadAsync(editor, id, "attachment", ("活动方案.pdf", TestImages.Pdf()));
        Assert.Contains("活动方案.pdf", await reader.GetStringAsync($"/articles/{id}"));
    }

    [Fact]
    public async Task Picture_deleted_after_the_save_that_drops_it_returns_to_the_list_when_its_revision_is_restored()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("叠彩区亲子小屋活动", "第一段。");
        await UploadAsync(correspondent, id, "picture", ("亲子小屋.png", TestImages.Png(20, 20)), caption: "图为亲子小屋");
        var picture = await portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.ArticleId == id));
        var withPicture = $"第一段。\n\n![图为亲子小屋](/media/{picture.Id} \"图为亲子小屋\")\n\n第二段。";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(correspondent, id, withPicture)).StatusCode);

        // 删除 in the editor: the text without the picture is saved, then the picture leaves the list.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(correspondent, id, "第一段。\n\n第二段。", picture.Id)).StatusCode);
        Assert.Null((await correspondent.GetPageAsync($"/editorial/articles/{id}/edit")).Document.QuerySelector($"li[data-id='{picture.Id}']"));
        Assert.NotNull(await portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().Where(m => m.Id == picture.Id).Select(m => m.RemovedAt).SingleAsync()));

        var history = await correspondent.GetPageAsync($"/editorial/articles/{id}/history");
        var rows = history.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("1 张：亲子小屋.png", rows[1]); // 第 2 版
        Assert.Contains("无", rows[0].Split("第 3 版")[1]);

        var restore = await correspondent.PostFormAsync($"/editorial/articles/{id}/history", $"/editorial/articles/{id}/restore", new() { ["number"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Contains($"/media/{picture.Id}", await portal.ArticleAsync(id, a => a.Body));
        var edit = await correspondent.GetPageAsync($"/editorial/articles/{id}/edit");
        Assert.NotNull(edit.Document.QuerySelector($"[data-media-list] li[data-id='{picture.Id}']"));
    }

    [Fact]
    public async Task Removing_a_picture_the_saved_text_still_shows_is_refused_and_keeps_it()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("图片还在正文", "正文。");
        await UploadAsync(correspondent, id, "picture", ("现场.png", TestImages.Png(10, 10)));
        var picture = await portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.ArticleId == id));
        await SaveAsync(correspondent, id, $"正文。\n\n![现场](/media/{picture.Id})");

        // Put back in the text while its 删除 waited for the save: the save keeps it.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(correspondent, id, $"改过的正文。\n\n![现场](/media/{picture.Id})", picture.Id)).StatusCode);
        Assert.Null(await portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().Where(m => m.Id == picture.Id).Select(m => m.RemovedAt).SingleAsync()));
        Assert.Equal("改过的正文。\n\n![现场](/media/" + picture.Id + ")", (await portal.ArticleAsync(id, a => a.Body)).ReplaceLineEndings("\n"));
    }

    /// <summary>The details page's plain form (no JSON): the answer is a redirect back with the message.</summary>
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int articleId, string kind, (string Name, byte[] Bytes) file, string? caption = null) =>
        TestImages.UploadAsync(client, articleId, [(file.Bytes, file.Name)], kind, caption, alt: "", json: false);

    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, string body, int? removeMedia = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = await portal.ArticleAsync(id, a => a.Title), ["Body"] = body, ["SectionId"] = "6",
            ["Version"] = (await portal.ArticleAsync(id, a => a.Version)).ToString(),
        };
        if (removeMedia is { } mediaId)
        {
            fields["removeMedia"] = mediaId.ToString();
        }

        return await client.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", fields);
    }
}
