using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Feeds;

/// <summary>
/// A members-only issue never appears in the feed or the sitemap, for anyone: the seed issue is made
/// members-only in the database, then a public 2023年第3期 is published beside it through the editorial forms.
/// </summary>
public sealed class MembersOnlyFeedTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Members_only_issue_is_in_neither_feed_nor_sitemap()
    {
        var seedArticles = await portal.WithDbAsync(async db =>
        {
            var issue = await db.Issues.Include(i => i.Articles).SingleAsync();
            issue.Visibility = IssueVisibility.MembersOnly;
            await db.SaveChangesAsync();
            return issue.Articles.Select(a => $"http://localhost/articles/{a.Id}").ToList();
        });
        Assert.Equal(15, seedArticles.Count);

        Assert.Empty((await FeedAndSitemapTests.FeedAsync(portal.CreateClient())).Items);
        var empty = await FeedAndSitemapTests.SitemapAsync(portal.CreateClient());
        Assert.DoesNotContain(empty, url => url.Contains("/issues/") || url.Contains("/articles/"));
        Assert.Contains("http://localhost/sections/briefs", empty);

        await portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        foreach (var reader in new[] { portal.CreateClient(), await portal.SignedInAsync(Roles.Member) })
        {
            var entry = Assert.Single((await FeedAndSitemapTests.FeedAsync(reader)).Items);
            Assert.Equal("2023年第3期(总第66期)", entry.Title.Text);
            Assert.Contains("河池市开展婚育新风进万家活动", entry.Summary.Text);

            var sitemap = await FeedAndSitemapTests.SitemapAsync(reader);
            Assert.Contains("http://localhost/issues/2023/3", sitemap);
            Assert.Contains("http://localhost/issues/2023", sitemap);
            Assert.DoesNotContain("http://localhost/issues/2023/2", sitemap);
            Assert.Empty(sitemap.Intersect(seedArticles));
            Assert.Single(sitemap, url => url.Contains("/articles/"));
        }
    }
}
