using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Newsletter.IntegrationTests.Features.Feeds;
using Newsletter.IntegrationTests.Features.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

/// <summary>
/// The issue mail shows each article's lead picture under its title (docs/decisions/0008-pictures-in-mail.md): a public
/// issue by its public URL, a members-only issue embedded in the message, never by a URL the mail client would get 404 for.
/// </summary>
public sealed class MailPicturesTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private readonly PortalFactory portal;

    public MailPicturesTests() => portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };

    public async ValueTask DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    private async Task<(PicturedIssue Issue, MimeMessage Message)> PublishAsync(string? visibility)
    {
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        var issue = await PicturedIssue.PublishAsync(portal, visibility);
        var recipients = await portal.WaitForAsync(r => r.Count > 0 && r.All(x => x.Status == DeliveryStatus.Sent));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(recipients).Status);
        return (issue, Assert.Single(smtp.Messages));
    }

    [Fact]
    public async Task A_public_issues_mail_shows_the_lead_picture_by_a_public_url_that_opens()
    {
        var (issue, message) = await PublishAsync(visibility: null);
        var html = message.HtmlBody!;

        var image = Assert.Single(Regex.Matches(html, "<img [^>]+>")).Value;
        Assert.Matches($"src=\"http://portal.test/media/{issue.First}/[a-z0-9]+\\.(png|jpg)\"", image);
        Assert.Contains("width=\"560\" height=\"420\"", image);
        Assert.Contains($"alt=\"{PicturedIssue.FirstAlt}\"", image);
        Assert.Contains("max-width:100%", image);
        Assert.True(html.IndexOf("河池市开展婚育新风进万家活动</a>", StringComparison.Ordinal) < html.IndexOf("<img ", StringComparison.Ordinal));
        Assert.DoesNotContain(message.BodyParts, p => p.ContentId is not null);

        var path = Regex.Match(image, "src=\"http://portal.test([^\"]+)\"").Groups[1].Value;
        var served = await portal.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains(served.Content.Headers.ContentType?.MediaType, PicturesOutsideTheSiteTests.StoredTypes);
    }

    [Fact]
    public async Task A_members_only_issues_mail_embeds_the_lead_picture_and_names_no_picture_url()
    {
        var (issue, message) = await PublishAsync(visibility: "MembersOnly");
        var html = message.HtmlBody!;

        var contentId = $"picture-{issue.First}@newsletter";
        var image = Assert.Single(Regex.Matches(html, "<img [^>]+>")).Value;
        Assert.Contains($"src=\"cid:{contentId}\"", image);
        Assert.Contains($"alt=\"{PicturedIssue.FirstAlt}\"", image);
        Assert.DoesNotContain("/media/", html);

        var part = Assert.IsType<MimePart>(Assert.Single(message.BodyParts, p => p.ContentId is not null));
        Assert.Equal(contentId, part.ContentId);
        Assert.Contains(part.ContentType.MimeType, PicturesOutsideTheSiteTests.StoredTypes);
        using var embedded = new MemoryStream();
        await part.Content!.DecodeToAsync(embedded);

        var member = await portal.SignedInAsync(Roles.Member);
        var page = await Html.ParseAsync(await member.GetStringAsync($"/articles/{issue.ArticleId}"));
        var served = await member.GetAsync(page.QuerySelector("main img")!.GetAttribute("src"));
        Assert.Equal(part.ContentType.MimeType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await served.Content.ReadAsByteArrayAsync(), embedded.ToArray());
    }
}
