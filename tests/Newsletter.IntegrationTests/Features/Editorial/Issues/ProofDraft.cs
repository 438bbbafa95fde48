using System.Net;
using Newsletter.IntegrationTests.Features.Media;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Issues;

/// <summary>
/// A draft 2023年第3期 submitted for review, two long articles in 经验交流 (several A4 pages), the first showing an uploaded
/// picture: what a 样稿 is made of.
/// </summary>
public sealed record ProofDraft(int IssueId, int FirstArticle, int SecondArticle, int Picture)
{
    public const string FirstTitle = "河池市开展婚育新风进万家活动";

    public const string SecondTitle = "桂林市探索托育服务新模式";

    public const string Caption = "图为宣传队在村头宣讲";

    public static async Task<ProofDraft> ComposeAsync(PortalFactory portal)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var first = await editor.WriteArticleAsync(FirstTitle, "正文。", sectionId: "5");
        var upload = await TestImages.UploadAsync(editor, first, [(TestImages.Png(1000, 750), "宣讲.png")], caption: Caption, alt: "宣讲");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var picture = (await TestImages.ReadAsync(upload)).Files.Single().Id;
        var saved = await editor.PostFormAsync($"/editorial/articles/{first}/edit", $"/editorial/articles/{first}/edit", new()
        {
            ["Title"] = FirstTitle, ["SectionId"] = "5", ["Version"] = (await portal.ArticleAsync(first, a => a.Version)).ToString(),
            ["Body"] = Paragraphs("河池市计生协在宜州区开展婚育新风进万家宣传活动，宣传队走进村屯，发放宣传资料，讲解优生优育知识。", 14)
                + $"\n\n![宣讲](/media/{picture} \"{Caption}\")\n\n" + Paragraphs("活动受到群众欢迎，村民纷纷表示要树立文明婚育新风。", 10),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var second = await editor.WriteArticleAsync(SecondTitle, Paragraphs("桂林市计生协联合卫生健康部门，在社区建设普惠托育点，为双职工家庭提供照护服务。", 30), sectionId: "5");

        var issueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new", new()
        {
            ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6", ["SendTo"] = "有关领导。",
        }));
        foreach (var article in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await editor.ArticleActionAsync(article, ArticleAction.Accept)).StatusCode);
            var placed = await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place",
                new() { ["articleId"] = article.ToString(), ["sectionId"] = "5" });
            Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview)).StatusCode);
        return new ProofDraft(issueId, first, second, picture);
    }

    private static string Paragraphs(string sentence, int count) =>
        string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"{sentence}（{i}）{sentence}"));
}

/// <summary>A portal of its own with the <see cref="ProofDraft"/> composed once.</summary>
public sealed class ProofPortal : PortalFactory
{
    private readonly Lazy<Task<ProofDraft>> draft;

    public ProofPortal() => draft = new(() => ProofDraft.ComposeAsync(this));

    public Task<ProofDraft> DraftAsync() => draft.Value;
}
