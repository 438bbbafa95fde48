using System.Net;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>A correspondent writes and submits; an editor returns with a note, then accepts.</summary>
public sealed class ArticleJourneyTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Correspondent_submits_editor_returns_with_note_then_accepts()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var editor = await portal.SignedInAsync(Roles.Editor);

        var id = await correspondent.WriteArticleAsync("叠彩区开展暖心家园活动", "●3月31日，叠彩区组织**特殊家庭**开展活动。");
        Assert.Equal(ArticleStatus.Draft, await portal.ArticleAsync(id, a => a.Status));
        var details = await correspondent.GetStringAsync($"/editorial/articles/{id}");
        Assert.Contains("<strong>特殊家庭</strong>", details);
        Assert.Contains("提交审核", details);

        Assert.Equal(HttpStatusCode.Redirect, (await correspondent.ArticleActionAsync(id, ArticleAction.Submit)).StatusCode);
        Assert.Contains("待审稿件", await editor.GetStringAsync("/editorial"));
        Assert.Contains("叠彩区开展暖心家园活动", await editor.GetStringAsync("/editorial"));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.ArticleActionAsync(id, ArticleAction.Return, "请补充参加人数。")).StatusCode);
        Assert.Equal(ArticleStatus.Returned, await portal.ArticleAsync(id, a => a.Status));
        var returned = await correspondent.GetStringAsync($"/editorial/articles/{id}");
        Assert.Contains("请补充参加人数。", returned);
        Assert.Contains("退回给我修改的稿件", await correspondent.GetStringAsync("/editorial"));

        var edit = await correspondent.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", new()
        {
            ["Title"] = "叠彩区开展暖心家园活动", ["Body"] = "3月31日，叠彩区组织特殊家庭20余人开展活动。", ["SectionId"] = "6",
            ["Version"] = (await portal.ArticleAsync(id, a => a.Version)).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await correspondent.ArticleActionAsync(id, ArticleAction.Submit);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.ArticleActionAsync(id, ArticleAction.Accept)).StatusCode);
        Assert.Equal(ArticleStatus.Accepted, await portal.ArticleAsync(id, a => a.Status));

        var audit = await portal.AuditAsync(nameof(Article), id);
        Assert.Equal(["新建稿件", "提交审核", "退回修改", "修改稿件", "重新提交", "采用"], audit.Select(e => e.Action));
        var returnedEntry = audit.Single(e => e.Action == "退回修改");
        Assert.Equal(("待审", "已退回", "编辑甲"), (returnedEntry.FromStatus, returnedEntry.ToStatus, returnedEntry.UserName));
        Assert.All(audit, e => Assert.False(string.IsNullOrEmpty(e.IpAddress), "every entry records the address it came from"));
    }

    [Fact]
    public async Task Forbidden_transitions_are_refused_and_change_nothing()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var id = await correspondent.WriteArticleAsync("自己采用自己的稿件", "正文。");
        await correspondent.ArticleActionAsync(id, ArticleAction.Submit);

        var accept = await correspondent.ArticleActionAsync(id, ArticleAction.Accept);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Contains("您没有权限执行“采用”", await accept.Content.ReadAsStringAsync());
        Assert.Equal(ArticleStatus.Submitted, await portal.ArticleAsync(id, a => a.Status));

        var editor = await portal.SignedInAsync(Roles.Editor);
        var reopen = await editor.ArticleActionAsync(id, ArticleAction.Reopen);
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode); // not from this state: a form older than the article's state
        Assert.Contains("当前状态为“待审”", await reopen.Content.ReadAsStringAsync());

        var bogus = await editor.PostFormAsync($"/editorial/articles/{id}", $"/editorial/articles/{id}/transition", new() { ["action"] = "Publish" });
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var noNote = await editor.ArticleActionAsync(id, ArticleAction.Return, " ");
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(ArticleStatus.Submitted, await portal.ArticleAsync(id, a => a.Status));
        Assert.Equal(["新建稿件", "提交审核"], (await portal.AuditAsync(nameof(Article), id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Correspondents_see_only_their_own_items()
    {
        var mine = await portal.SignedInAsync(Roles.Correspondent, "a@test.local");
        var other = await portal.SignedInAsync(Roles.Correspondent, "b@test.local");
        var id = await mine.WriteArticleAsync("只属于甲的稿件", "正文。");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/editorial/articles/{id}")).StatusCode);
        Assert.DoesNotContain("只属于甲的稿件", await other.GetStringAsync("/editorial/articles?filter=all"));
        Assert.Contains("只属于甲的稿件", await mine.GetStringAsync("/editorial/articles?filter=all"));
        var crafted = await other.PostFormAsync("/editorial", $"/editorial/articles/{id}/transition", new() { ["action"] = "Submit" });
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        Assert.Equal(ArticleStatus.Draft, await portal.ArticleAsync(id, a => a.Status));
    }

    [Fact]
    public async Task Live_preview_uses_the_site_renderer_and_shows_script_as_text()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var response = await correspondent.PostFormAsync("/editorial/articles/new", "/editorial/preview", new()
        {
            ["body"] = "**重点：**落实<script>alert(1)</script>",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<strong>重点：</strong>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }
}
