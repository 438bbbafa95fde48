using System.Net;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>
/// 删除 through the article page's form, as an editor: a picture's row and files are freed only when no revision of
/// any article shows it and no other row shares its bytes; one still in the saved text is refused.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class MediaRemovalTests(PortalFactory portal)
{
    [Fact]
    public async Task Remove_unsaved_picture_frees_row_and_folder()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync("南宁市青秀区计生协开展亲子活动", "活动当天，二十多个家庭参加。");
        var mediaId = await editor.UploadAsync(articleId, "亲子小屋.png", MediaSteps.Png(48, 32, seed: 101), caption: "图为亲子小屋");
        var sha = (await portal.MediaRowAsync(mediaId))!.Sha256;
        Assert.True(Directory.Exists(MediaSteps.FolderOf(portal, sha)));

        var response = await editor.RemoveMediaAsync(articleId, mediaId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await portal.MediaRowAsync(mediaId));
        Assert.False(Directory.Exists(MediaSteps.FolderOf(portal, sha)));
    }

    [Fact]
    public async Task Remove_picture_a_revision_shows_keeps_row_and_files_and_the_revision_still_renders_it()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync("柳州市举办婚育新风培训班", "培训班为期两天。");
        var bytes = MediaSteps.Png(64, 40, seed: 102);
        var mediaId = await editor.UploadAsync(articleId, "培训班.png", bytes, caption: "图为培训现场");
        var file = (await portal.MediaRowAsync(mediaId))!;
        var url = MediaSteps.LargestUrl(file);
        var served = await editor.GetByteArrayAsync(url);
        await portal.SaveBodyAsync(editor, articleId, $"培训班为期两天。\n\n![图为培训现场](/media/{mediaId} \"图为培训现场\")\n");
        await portal.SaveBodyAsync(editor, articleId, "培训班为期两天，学员六十人。");

        var response = await editor.RemoveMediaAsync(articleId, mediaId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var kept = await portal.MediaRowAsync(mediaId);
        Assert.NotNull(kept);
        Assert.NotNull(kept.RemovedAt);
        Assert.True(Directory.Exists(MediaSteps.FolderOf(portal, file.Sha256)));
        Assert.Equal(served, await editor.GetByteArrayAsync(url));

        // Revision 2 (新建, with the picture, without it) shows it again once restored.
        var restored = await editor.PostFormAsync($"/editorial/articles/{articleId}/history", $"/editorial/articles/{articleId}/restore", new() { ["number"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var (_, page, _) = await editor.GetPageAsync($"/editorial/articles/{articleId}");
        var img = page.QuerySelector($"figure.article-figure img[src^='/media/{mediaId}/']");
        Assert.NotNull(img);
        Assert.Equal("图为培训现场", page.QuerySelector("figure.article-figure figcaption")?.TextContent.Trim());
    }

    [Fact]
    public async Task Remove_one_of_two_rows_sharing_bytes_keeps_the_folder()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var first = await editor.WriteArticleAsync("钦州市计生协走访流动人口家庭", "走访了十二户家庭。");
        var second = await editor.WriteArticleAsync("钦州市流动人口服务站揭牌", "服务站设在社区。");
        var bytes = MediaSteps.Png(40, 40, seed: 103);
        var one = await editor.UploadAsync(first, "走访.png", bytes);
        var other = await editor.UploadAsync(second, "走访（副本）.png", bytes);
        var sha = (await portal.MediaRowAsync(one))!.Sha256;
        Assert.Equal(sha, (await portal.MediaRowAsync(other))!.Sha256);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.RemoveMediaAsync(first, one)).StatusCode);

        Assert.Null(await portal.MediaRowAsync(one));
        Assert.True(Directory.Exists(MediaSteps.FolderOf(portal, sha)));
        var remaining = (await portal.MediaRowAsync(other))!;
        Assert.Null(remaining.RemovedAt);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(MediaSteps.LargestUrl(remaining))).StatusCode);

        // The last row going frees the folder.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.RemoveMediaAsync(second, other)).StatusCode);
        Assert.False(Directory.Exists(MediaSteps.FolderOf(portal, sha)));
    }

    [Fact]
    public async Task Remove_picture_still_in_the_saved_text_is_refused_in_Chinese_and_changes_nothing()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync("北海市开展优生优育宣传", "宣传活动在广场举行。");
        var mediaId = await editor.UploadAsync(articleId, "广场.png", MediaSteps.Png(56, 30, seed: 104), caption: "图为宣传现场");
        var body = $"宣传活动在广场举行。\n\n![图为宣传现场](/media/{mediaId} \"图为宣传现场\")\n";
        await portal.SaveBodyAsync(editor, articleId, body);
        var before = (await portal.MediaRowAsync(mediaId))!;
        var files = Directory.GetFiles(MediaSteps.FolderOf(portal, before.Sha256)).Order().ToList();
        var audit = (await portal.AuditAsync(nameof(Article), articleId)).Count;

        var response = await editor.RemoveMediaAsync(articleId, mediaId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("这张图片还在正文中。请先在正文中删去它并保存，再删除图片。", await response.Content.ReadAsStringAsync());
        var after = (await portal.MediaRowAsync(mediaId))!;
        Assert.Null(after.RemovedAt);
        Assert.Equal(files, Directory.GetFiles(MediaSteps.FolderOf(portal, before.Sha256)).Order().ToList());
        Assert.Equal(body, await portal.ArticleAsync(articleId, a => a.Body));
        Assert.Equal(audit, (await portal.AuditAsync(nameof(Article), articleId)).Count);
    }
}
