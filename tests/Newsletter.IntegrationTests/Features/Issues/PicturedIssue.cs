using System.Net;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Media;

namespace Newsletter.IntegrationTests.Features.Issues;

/// <summary>
/// A published issue whose one article shows two uploaded pictures (a landscape one with a caption, then a portrait one)
/// and names a third that belongs to another, unpublished article.
/// </summary>
public sealed record PicturedIssue(int IssueId, int ArticleId, int First, int Second, int Foreign)
{
    public const string Url = "/issues/2023/3";

    public const string FirstCaption = "图为河池市计生协宣传队在宜州区村头宣讲婚育新风";

    public const string FirstAlt = "宣传队在村头宣讲";

    public const string SecondCaption = "图为志愿者在亲子小屋陪伴留守儿童";

    public const string ForeignAlt = "别处稿件的图片";

    public const string ForeignCaption = "不应出现的别处图注";

    public static async Task<PicturedIssue> PublishAsync(PortalFactory portal, string? visibility = null)
    {
        var editor = await portal.SignedInAsync(Newsletter.Web.Domain.Roles.Editor);
        var other = await editor.WriteArticleAsync("尚未刊出的稿件", "草稿正文。");
        var foreign = await UploadAsync(editor, other, TestImages.Png(700, 500, shade: 30), "别处.png", ForeignCaption);
        int first = 0, second = 0, articleId = 0;
        var issueId = await portal.PublishNewIssueAsync("正文。", visibility: visibility, prepare: async (client, id) =>
        {
            articleId = id;
            first = await UploadAsync(client, id, TestImages.Png(1000, 750), "宣讲.png", FirstCaption, FirstAlt);
            second = await UploadAsync(client, id, TestImages.Png(600, 900, shade: 90), "亲子小屋.png", SecondCaption);
            var body = $"6月，河池市计生协在宜州区开展婚育新风进万家宣传活动。\n\n![{FirstAlt}](/media/{first} \"{FirstCaption}\")\n\n" +
                $"宣传队走进村屯，发放宣传资料。\n\n![{SecondCaption}](/media/{second} \"{SecondCaption}\")\n\n" +
                $"活动中还展示了![{ForeignAlt}](/media/{foreign} \"{ForeignCaption}\")一图。\n\n活动受到群众欢迎。";
            var saved = await client.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", new()
            {
                ["Title"] = "河池市开展婚育新风进万家活动", ["Body"] = body, ["SectionId"] = "6",
                ["Version"] = (await portal.ArticleAsync(id, a => a.Version)).ToString(),
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        });
        return new PicturedIssue(issueId, articleId, first, second, foreign);
    }

    private static async Task<int> UploadAsync(HttpClient client, int articleId, byte[] png, string name, string caption, string? alt = null)
    {
        var response = await TestImages.UploadAsync(client, articleId, [(png, name)], caption: caption, alt: alt);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await TestImages.ReadAsync(response)).Files.Single().Id;
    }
}

/// <summary>A portal of its own with the <see cref="PicturedIssue"/> published once, for the tests that read it.</summary>
public sealed class PicturedPortal : PortalFactory
{
    private readonly Lazy<Task<PicturedIssue>> issue;

    public PicturedPortal() => issue = new(() => PicturedIssue.PublishAsync(this));

    public Task<PicturedIssue> IssueAsync() => issue.Value;
}
