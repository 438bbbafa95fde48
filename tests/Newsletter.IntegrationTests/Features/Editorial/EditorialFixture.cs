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

    public static Task<T> ArticleAsync<T>(this PortalFactory portal, int id, Func<Article, T> pick) =>
        portal.WithDbAsync(async db => pick(await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id)));

    public static Task<Issue> IssueAsync(this PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Id == id));

    public static Task<List<AuditEntry>> AuditAsync(this PortalFactory portal, string type, int id) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == type && e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
}
