using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>Steps of the editorial journey as a person does them: through the forms, with antiforgery tokens.</summary>
public static class EditorialSteps
{
    public static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        return int.Parse(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[2]);
    }

    public static async Task<int> WriteArticleAsync(this HttpClient client, string title, string body, string? sectionId = "6")
    {
        var response = await client.PostFormAsync("/editorial/articles/new", "/editorial/articles/new", new()
        {
            ["Title"] = title, ["Body"] = body, ["SectionId"] = sectionId ?? "",
            ["AttributionOrganization"] = "桂林市叠彩区计生协", ["Correspondents"] = "刘 名",
        });
        return IdFrom(response);
    }

    public static Task<HttpResponseMessage> ArticleActionAsync(this HttpClient client, int id, ArticleAction action, string? note = null)
    {
        var fields = new Dictionary<string, string> { ["action"] = action.ToString() };
        if (note is not null)
        {
            fields["note"] = note;
        }

        return client.PostFormAsync($"/editorial/articles/{id}", $"/editorial/articles/{id}/transition", fields);
    }

    public static Task<HttpResponseMessage> IssueActionAsync(this HttpClient client, int id, IssueAction action, Dictionary<string, string>? extra = null)
    {
        var fields = extra ?? new Dictionary<string, string>();
        fields["Action"] = action.ToString();
        return client.PostFormAsync($"/editorial/issues/{id}", $"/editorial/issues/{id}/transition", fields);
    }

    /// <summary>The whole road as people walk it: an editor writes, accepts and composes 2023年第3期(总第66期); the chief editor publishes it.</summary>
    /// <param name="prepare">Run by the editor on the new article before it is accepted (e.g. uploading its pictures).</param>
    /// <param name="masthead">More fields of the new-issue form (送, 发, editors …).</param>
    public static async Task<int> PublishNewIssueAsync(
        this PortalFactory portal, string body, Dictionary<string, string>? publishFields = null, string? visibility = null,
        Func<HttpClient, int, Task>? prepare = null, Dictionary<string, string>? masthead = null)
    {
        var issueId = await portal.ComposeNewIssueAsync(body, visibility, prepare, masthead);
        var editor = await portal.SignedInAsync(Roles.Editor);
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
        var publish = publishFields ?? new Dictionary<string, string>();
        publish["ConfidentialityConfirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Publish, publish)).StatusCode);
        return issueId;
    }

    /// <summary>The first part of <see cref="PublishNewIssueAsync"/>: a draft 2023年第3期 with the one article placed.</summary>
    public static async Task<int> ComposeNewIssueAsync(
        this PortalFactory portal, string body, string? visibility = null, Func<HttpClient, int, Task>? prepare = null,
        Dictionary<string, string>? masthead = null, string title = "河池市开展婚育新风进万家活动")
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync(title, body);
        if (prepare is not null)
        {
            await prepare(editor, articleId);
        }

        await editor.ArticleActionAsync(articleId, ArticleAction.Accept);
        var fields = new Dictionary<string, string>(masthead ?? []) { ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6" };
        if (visibility is not null)
        {
            fields["Visibility"] = visibility;
        }

        var issueId = IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new", fields));
        await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place", new() { ["articleId"] = articleId.ToString(), ["sectionId"] = "6" });
        return issueId;
    }

    public static Task<T> ArticleAsync<T>(this PortalFactory portal, int id, Func<Article, T> pick) =>
        portal.WithDbAsync(async db => pick(await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id)));

    public static Task<Issue> IssueAsync(this PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Id == id));

    public static Task<List<AuditEntry>> AuditAsync(this PortalFactory portal, string type, int id) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
}
