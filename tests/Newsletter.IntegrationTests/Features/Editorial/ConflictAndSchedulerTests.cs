using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial;

public sealed class ConflictAndSchedulerTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static Dictionary<string, string> Form(string body, int version) => new()
    {
        ["Title"] = "两人同时修改的稿件", ["Body"] = body, ["SectionId"] = "6", ["Version"] = version.ToString(),
    };

    [Fact]
    public async Task Later_save_gets_a_conflict_page_with_both_texts_and_nothing_is_lost()
    {
        var first = await portal.SignedInAsync(Roles.Editor, "first@test.local");
        var second = await portal.SignedInAsync(Roles.Editor, "second@test.local");
        var id = await first.WriteArticleAsync("两人同时修改的稿件", "原文。");
        var version = await portal.ArticleAsync(id, a => a.Version);

        var saved = await first.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", Form("原文。甲补充了第一段。", version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await second.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", Form("原文。乙补充了第二段。", version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Html.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.Contains("别人刚刚保存了这篇稿件", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("甲补充了第一段", page.QuerySelector(".diff")!.TextContent);
        Assert.Contains("乙补充了第二段", page.QuerySelector(".diff")!.TextContent);
        Assert.Equal("原文。乙补充了第二段。", page.QuerySelector("textarea#Body")!.TextContent);
        Assert.Equal("原文。甲补充了第一段。", await portal.ArticleAsync(id, a => a.Body));

        var newVersion = page.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        var merged = await second.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit",
            Form("原文。甲补充了第一段。乙补充了第二段。", int.Parse(newVersion)));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("原文。甲补充了第一段。乙补充了第二段。", await portal.ArticleAsync(id, a => a.Body));

        var revisions = await portal.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Body).ToListAsync());
        Assert.Equal(["原文。", "原文。甲补充了第一段。", "原文。甲补充了第一段。乙补充了第二段。"], revisions);

        var diff = await Html.ParseAsync(await first.GetStringAsync($"/editorial/articles/{id}/diff?from=1&to=3"));
        Assert.Contains("乙补充了第二段", diff.QuerySelectorAll(".diff-ins").Select(e => e.TextContent).Aggregate("", string.Concat));

        var restored = await first.PostFormAsync($"/editorial/articles/{id}/history", $"/editorial/articles/{id}/restore", new() { ["number"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("原文。", await portal.ArticleAsync(id, a => a.Body));
        Assert.Equal(4, await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Scheduled_issue_is_published_when_due_even_after_a_restart()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync("定时发布的稿件", "正文。");
        await editor.ArticleActionAsync(articleId, ArticleAction.Accept);
        var issueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6" }));
        await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place", new() { ["articleId"] = articleId.ToString(), ["sectionId"] = "6" });
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });

        var past = await chief.IssueActionAsync(issueId, IssueAction.Schedule, new() { ["ConfidentialityConfirmed"] = "true", ["ScheduledAt"] = "2020-01-01T08:00" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var when = DateTime.UtcNow.AddHours(8).AddMinutes(30).ToString("yyyy-MM-ddTHH:mm");
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Schedule, new() { ["ConfidentialityConfirmed"] = "true", ["ScheduledAt"] = when })).StatusCode);
        Assert.Equal(IssueStatus.Scheduled, (await portal.IssueAsync(issueId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/issues/2023/3")).StatusCode);

        // The portal stops; while it is down the time comes. The next start publishes the issue.
        await portal.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Id == issueId);
            issue.ScheduledAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        portal.Stop();
        using var restarted = new PortalFactory { DataPath = portal.DataPath, DeleteDataOnDispose = false };
        var reader = restarted.CreateClient();
        var published = false;
        for (var i = 0; i < 50 && !published; i++)
        {
            published = (await reader.GetAsync("/issues/2023/3")).StatusCode == HttpStatusCode.OK;
            if (!published)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(published, "the scheduler published the due issue after the restart");
        var audit = await restarted.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Issue" && e.EntityId == issueId.ToString()).ToListAsync());
        var entry = Assert.Single(audit, e => e.Action == "到时发布");
        Assert.Equal(("定时发布", "已发布", "系统（定时发布）"), (entry.FromStatus, entry.ToStatus, entry.UserName));
    }
}
