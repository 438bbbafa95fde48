using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Issues;

/// <summary>
/// Members-only issues never reach anonymous readers (a direct link explains, with 401, that the issue is for 会员单位
/// and offers a sign-in that comes back to it);
/// signed-in members read them; an issue's own setting overrides the default.
/// </summary>
public sealed class VisibilityTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Task SetAsync(IssueVisibility? issueVisibility, IssueVisibility publicationDefault) => portal.WithDbAsync(async db =>
    {
        var issue = await db.Issues.SingleAsync();
        issue.Visibility = issueVisibility;
        var publication = await db.Publications.SingleAsync();
        publication.DefaultVisibility = publicationDefault;
        return await db.SaveChangesAsync();
    });

    private async Task AssertHiddenAsync(HttpClient client, int articleId)
    {
        foreach (var url in new[] { "/issues/2023/2", $"/articles/{articleId}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("2023年第2期", html);
            Assert.Contains("仅供会员单位阅读", html);
            Assert.Contains($"href=\"/account/login?returnUrl={Uri.EscapeDataString(url)}\"", html);
            Assert.DoesNotContain("toc-heading", html);
            Assert.DoesNotContain("article-body", html);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/issues/2023")).StatusCode);
        Assert.Contains("还没有已发布的工作通讯", await client.GetStringAsync("/"));
        Assert.Contains("共 0 篇", await client.GetStringAsync("/sections/briefs"));
    }

    [Fact]
    public async Task Members_only_issue_is_hidden_from_anonymous_readers()
    {
        var articleId = await portal.WithDbAsync(db => db.Articles.Select(a => a.Id).FirstAsync());
        await SetAsync(IssueVisibility.MembersOnly, IssueVisibility.Public);
        await AssertHiddenAsync(portal.Browser(), articleId);

        var member = await portal.SignedInAsync(Roles.Member);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/issues/2023/2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/articles/{articleId}")).StatusCode);
        Assert.Contains("共 6 篇", await member.GetStringAsync("/sections/briefs"));
    }

    [Fact]
    public async Task Members_only_default_hides_issues_that_do_not_override_it()
    {
        var articleId = await portal.WithDbAsync(db => db.Articles.Select(a => a.Id).FirstAsync());
        await SetAsync(null, IssueVisibility.MembersOnly);
        await AssertHiddenAsync(portal.Browser(), articleId);
    }

    [Fact]
    public async Task Public_issue_overrides_a_members_only_default()
    {
        await SetAsync(IssueVisibility.Public, IssueVisibility.MembersOnly);
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/issues/2023/2")).StatusCode);
        Assert.Contains("共 6 篇", await client.GetStringAsync("/sections/briefs"));
    }
}
