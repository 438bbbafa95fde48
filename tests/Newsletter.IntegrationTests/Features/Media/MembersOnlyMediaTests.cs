using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>A picture of a members-only issue is for signed-in members, and no shared cache keeps it.</summary>
public class MembersOnlyMediaTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_members_only_issues_picture_is_served_privately_to_members_and_404_to_others()
    {
        var issueId = await portal.PublishNewIssueAsync("内部交流：婚育新风进万家活动的经验。", visibility: "MembersOnly");
        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).SingleAsync());

        // After publication an editor adds a picture as part of a 更正; a correspondent may not.
        var editor = await portal.SignedInAsync(Roles.Editor);
        var answer = await TestImages.ReadAsync(await TestImages.UploadAsync(editor, articleId, [(TestImages.Png(640, 480), "交流会.png")], caption: "图为交流会现场"));
        var url = answer.Files.Single().Url;
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var refused = await TestImages.UploadAsync(correspondent, articleId, [(TestImages.Png(8, 8), "x.png")], tokenPage: "/editorial/articles/new");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await portal.Browser().GetAsync(url)).StatusCode);
        var member = await portal.SignedInAsync(Roles.Member);
        var served = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(CacheControlHeaderValue.Parse(MediaFilesController.MembersCaching), served.Headers.CacheControl);
        Assert.True(served.Headers.CacheControl!.Private);
        Assert.False(served.Headers.CacheControl.Public);
    }
}
