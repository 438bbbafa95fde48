using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>
/// Serving keeps the rows of public pictures (no query per request); a change readers can see ends that at once:
/// a withdrawn issue's picture is 404 to the very next anonymous request.
/// </summary>
public sealed class MediaFilesCacheTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Picture_of_a_withdrawn_issue_is_404_at_once_after_being_served_publicly()
    {
        var issueId = await portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).SingleAsync());
        var editor = await portal.SignedInAsync(Roles.Editor);
        var mediaId = await editor.UploadAsync(articleId, "宣传.png", MediaSteps.Png(50, 30, seed: 401));
        var url = MediaSteps.LargestUrl((await portal.MediaRowAsync(mediaId))!);
        var reader = portal.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var served = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());
        }

        var member = await portal.SignedInAsync(Roles.Editor, "member-reader@test.local");
        Assert.Equal("public, max-age=31536000, immutable", (await member.GetAsync(url)).Headers.CacheControl?.ToString());

        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Withdraw, new() { ["Note"] = "数据有误，核实后重发。" })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(MediaPaths.Of(mediaId))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Republish, new() { ["ConfidentialityConfirmed"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
    }
}
