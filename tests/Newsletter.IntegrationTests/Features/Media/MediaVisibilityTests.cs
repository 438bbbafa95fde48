using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>
/// A picture is seen by whoever may see its article: the writer and editors while it is a draft (never kept by a shared
/// cache), everyone once its public issue is out (cached a year), nobody through a crafted URL.
/// </summary>
public class MediaVisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Caption = "图为河池市计生协调研组在宜州区走访计生家庭";

    [Fact]
    public async Task A_picture_follows_its_article_from_draft_to_public_issue()
    {
        var writer = await portal.SignedInAsync(Roles.Correspondent, "writer-a@test.local");
        var other = await portal.SignedInAsync(Roles.Correspondent, "writer-b@test.local");
        var member = await portal.SignedInAsync(Roles.Member);
        var editor = await portal.SignedInAsync(Roles.Editor);
        var anonymous = portal.Browser();
        var id = await writer.WriteArticleAsync("宜州区开展计生家庭走访", "3月，调研组走访了计生家庭。");

        var uploaded = await TestImages.UploadAsync(writer, id, [(TestImages.Png(1000, 750), "宜州走访.png")], caption: Caption);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var (pictureId, url, markdown) = (await TestImages.ReadAsync(uploaded)).Files.Single();
        Assert.Equal($"![{Caption}](/media/{pictureId} \"{Caption}\")", markdown);

        var own = await writer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(CacheControlHeaderValue.Parse(MediaFilesController.DraftCaching), own.Headers.CacheControl);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
        foreach (var outsider in new[] { anonymous, other, member })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        }

        // Uploading needs the right to change the article: another writer does not even see it; a member is no writer.
        var foreign = await TestImages.UploadAsync(other, id, [(TestImages.Png(10, 10), "x.png")], tokenPage: "/editorial/articles/new");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestImages.UploadAsync(member, id, [(TestImages.Png(10, 10), "x.png")], json: false, tokenPage: "/account/password")).StatusCode);
        Assert.Equal(1, await portal.WithDbAsync(db => db.MediaFiles.CountAsync(m => m.ArticleId == id)));

        var saved = await writer.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", new()
        {
            ["Title"] = "宜州区开展计生家庭走访", ["Body"] = $"3月，调研组走访了计生家庭。\n\n{markdown}\n\n走访中了解到……", ["SectionId"] = "6",
            ["Version"] = (await portal.ArticleAsync(id, a => a.Version)).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await writer.GetStringAsync($"/editorial/articles/{id}");
        Assert.Contains($"<figcaption>{Caption}</figcaption>", details);

        // Submitted: the writer may no longer change it, so may no longer add pictures to it.
        await writer.ArticleActionAsync(id, ArticleAction.Submit);
        var late = await TestImages.UploadAsync(writer, id, [(TestImages.Png(10, 10), "晚到.png")]);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("只有作者能修改自己的草稿或退回稿", (await TestImages.ReadAsync(late)).Errors.Single());

        await PublishAsync(editor, id);
        var served = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(CacheControlHeaderValue.Parse(MediaFilesController.PublicCaching), served.Headers.CacheControl);
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString());
        Assert.StartsWith("image/", served.Content.Headers.ContentType!.MediaType);

        var page = await anonymous.GetStringAsync($"/articles/{id}");
        Assert.Contains("<figure class=\"article-figure\">", page);
        Assert.Contains($"<figcaption>{Caption}</figcaption>", page);
        Assert.Matches($"<img src=\"/media/{pictureId}/[^\"]+\" srcset=\"[^\"]+\" sizes=\"[^\"]+\" width=\"1000\" height=\"750\" alt=\"{Caption}\"", page);

        // Crafted URLs: no such picture, no such size, a picture asked for as an attachment.
        foreach (var crafted in new[] { $"/media/{pictureId + 1000}/full.png", $"/media/{pictureId}/w999.jpg", $"/media/{pictureId}/download", "/media/0/full.jpg" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(crafted)).StatusCode);
        }
    }

    [Fact]
    public async Task The_same_photo_uploaded_twice_is_stored_once_and_a_bad_file_stores_nothing()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var id = await editor.WriteArticleAsync("同一张照片上传两次", "正文。");
        var photo = TestImages.Png(900, 600, shade: 7);
        var first = await TestImages.ReadAsync(await TestImages.UploadAsync(editor, id, [(photo, "第一次.png")]));
        var second = await TestImages.ReadAsync(await TestImages.UploadAsync(editor, id, [(photo, "第二次.png")]));

        var rows = await portal.WithDbAsync(db => db.MediaFiles.Where(m => m.ArticleId == id).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([first.Files[0].Id, second.Files[0].Id], rows.Select(r => r.Id));
        Assert.Equal(rows[0].Sha256, rows[1].Sha256);
        Assert.Equal(["第一次.png", "第二次.png"], rows.Select(r => r.OriginalName));
        var store = portal.Services.GetRequiredService<MediaStore>();
        Assert.Single(store.StoredHashes(), h => h == rows[0].Sha256);
        Assert.Equal(photo.Length, rows[1].Bytes);

        var foldersBefore = store.StoredHashes().Count();
        var html = System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>");
        var refused = await TestImages.UploadAsync(editor, id, [(html, "伪装成照片.jpg")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches("[\u4e00-\u9fff]", (await TestImages.ReadAsync(refused)).Errors.Single());
        Assert.Equal(2, await portal.WithDbAsync(db => db.MediaFiles.CountAsync(m => m.ArticleId == id)));
        Assert.Equal(foldersBefore, store.StoredHashes().Count());
    }

    [Fact]
    public async Task An_attachment_downloads_with_its_chinese_name_and_the_plain_form_comes_back_with_a_message()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var id = await editor.WriteArticleAsync("关于开展2023年度统计工作的通知", "详见附件。");
        var posted = await TestImages.UploadAsync(editor, id, [(TestImages.Pdf(), "2023年度统计表.pdf")], kind: "attachment", json: false);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/editorial/articles/{id}", posted.Headers.Location!.OriginalString);
        Assert.Contains("已上传 1 个附件", await editor.GetStringAsync($"/editorial/articles/{id}"));

        var attachment = await portal.WithDbAsync(db => db.MediaFiles.SingleAsync(m => m.ArticleId == id));
        var download = await editor.GetAsync($"/media/{attachment.Id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2023年度统计表.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(TestImages.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Browser().GetAsync($"/media/{attachment.Id}/download")).StatusCode);
    }

    private async Task PublishAsync(HttpClient editor, int articleId)
    {
        await editor.ArticleActionAsync(articleId, ArticleAction.Accept);
        var fields = new Dictionary<string, string> { ["Year"] = "2023", ["Number"] = "4", ["SerialNumber"] = "67", ["CoverMonth"] = "7" };
        var issueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new", fields));
        await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place", new() { ["articleId"] = articleId.ToString(), ["sectionId"] = "6" });
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
        var published = await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(IssueStatus.Published, (await portal.IssueAsync(issueId)).Status);
    }
}
