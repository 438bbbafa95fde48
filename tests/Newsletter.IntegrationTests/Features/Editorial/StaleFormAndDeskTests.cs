using System.Net;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>
/// Friction of a week's use: a form left open in a second tab after the item moved on is a 409 that keeps what was typed
/// and leads back to the item, where the note waits in the 发表意见 box; and the 工作台 never tells anyone they wait on
/// themselves.
/// </summary>
public sealed class StaleFormAndDeskTests : IDisposable
{
    private const string Note = "第二段“姚璇”应为“姚瑛”，请核对后再提交。\n另：标题过长。";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_return_from_a_stale_tab_is_409_and_the_article_page_keeps_the_typed_note()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("宜州区开展计生家庭走访", "3月，调研组走访了计生家庭。");
        await correspondent.ArticleActionAsync(id, ArticleAction.Submit);
        var editor = await portal.SignedInAsync(Roles.Editor);
        await editor.ArticleActionAsync(id, ArticleAction.Accept); // the first tab

        var stale = await editor.ArticleActionAsync(id, ArticleAction.Return, Note); // the second tab, still showing 退回
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var refused = await Html.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.Contains("当前状态为“已采用”，不能执行", refused.QuerySelector("main")!.TextContent);
        Assert.Equal(Note, refused.QuerySelector("[data-kept-note] .kept-note")!.TextContent);
        Assert.Equal($"/editorial/articles/{id}", refused.QuerySelector("a[data-back]")!.GetAttribute("href"));
        Assert.Equal(ArticleStatus.Accepted, await portal.ArticleAsync(id, a => a.Status));

        var back = await Html.ParseAsync(await editor.GetStringAsync($"/editorial/articles/{id}"));
        Assert.Equal(Note, back.QuerySelector("textarea#comment")!.TextContent);
        Assert.NotNull(back.QuerySelector("#kept-note-help"));
        var later = await Html.ParseAsync(await editor.GetStringAsync($"/editorial/articles/{id}"));
        Assert.Equal("", later.QuerySelector("textarea#comment")!.TextContent);
    }

    [Fact]
    public async Task A_return_of_an_issue_from_a_stale_tab_keeps_the_note_for_the_issue_page()
    {
        var issueId = await portal.ComposeNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        var editor = await portal.SignedInAsync(Roles.Editor);
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" })).StatusCode);

        var stale = await chief.IssueActionAsync(issueId, IssueAction.Return, new() { ["Note"] = Note });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("另一个窗口", await stale.Content.ReadAsStringAsync());
        var back = await Html.ParseAsync(await chief.GetStringAsync($"/editorial/issues/{issueId}"));
        Assert.Equal(Note, back.QuerySelector("textarea#issue-comment")!.TextContent);
        Assert.Equal(IssueStatus.Approved, (await portal.IssueAsync(issueId)).Status);
    }

    [Fact]
    public async Task The_desk_says_轮到您_where_others_said_a_user_waits_on_themselves()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var draft = await editor.WriteArticleAsync("编辑自己的草稿", "正文。");
        var own = await editor.WriteArticleAsync("编辑自己提交的稿件", "正文。");
        await editor.ArticleActionAsync(own, ArticleAction.Submit);
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var theirs = await correspondent.WriteArticleAsync("通讯员的稿件", "正文。");
        await correspondent.ArticleActionAsync(theirs, ArticleAction.Submit);
        var issueId = await portal.ComposeNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);

        var editorDesk = await DeskAsync(editor);
        Assert.Equal("您的稿件 · 轮到您：完成并提交", editorDesk[$"/editorial/articles/{draft}"]);
        Assert.Equal("您的稿件 · 轮到您：退回、修改或采用", editorDesk[$"/editorial/articles/{own}"]);
        Assert.Equal("通讯员甲 · 轮到您：退回、修改或采用", editorDesk[$"/editorial/articles/{theirs}"]);
        Assert.DoesNotContain(editorDesk.Values, note => note.Contains("等待编辑") || note.Contains("等待作者"));

        var chiefDesk = await DeskAsync(await portal.SignedInAsync(Roles.ChiefEditor));
        Assert.Equal("轮到您：退回或审核通过", chiefDesk[$"/editorial/issues/{issueId}"]);
        Assert.DoesNotContain(chiefDesk.Values, note => note.Contains("等待总编辑"));

        var correspondentDesk = await DeskAsync(correspondent);
        Assert.Equal("您的稿件 · 等待编辑审稿", correspondentDesk[$"/editorial/articles/{theirs}"]);
    }

    /// <summary>Each item on the desk (its link) with the note beside it; an item in two queues has the same note in both.</summary>
    private static async Task<Dictionary<string, string>> DeskAsync(HttpClient client)
    {
        var desk = await Html.ParseAsync(await client.GetStringAsync("/editorial"));
        var items = desk.QuerySelectorAll("main section li").Select(li => (Url: li.QuerySelector("a")!.GetAttribute("href")!, Note: li.QuerySelector("span")!.TextContent.Trim()));
        return items.GroupBy(i => i.Url).ToDictionary(g => g.Key, g => Assert.Single(g.Select(i => i.Note).Distinct()));
    }
}
