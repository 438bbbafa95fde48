using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace Newsletter.IntegrationTests.Features.Feeds;

/// <summary>The Atom feed and the sitemap of the seeded portal: the issue 总第65期 and its 15 articles.</summary>
[Collection(SharedPortal.Name)]
public class FeedAndSitemapTests(PortalFactory portal)
{
    public static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly HttpClient client = portal.CreateClient();

    public static async Task<SyndicationFeed> FeedAsync(HttpClient client)
    {
        var response = await client.GetAsync("/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        Assert.DoesNotContain("&#x", text);
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return SyndicationFeed.Load(reader);
    }

    public static async Task<List<string>> SitemapAsync(HttpClient client)
    {
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var document = XDocument.Load(await response.Content.ReadAsStreamAsync());
        Assert.Equal(SitemapNs + "urlset", document.Root!.Name);
        Assert.All(document.Root.Elements(), e => Assert.Equal(SitemapNs + "url", e.Name));
        return document.Root.Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
    }

    [Fact]
    public async Task Feed_has_one_entry_for_the_seed_issue_with_its_contents()
    {
        var feed = await FeedAsync(client);
        Assert.Equal("工作通讯", feed.Title.Text);
        Assert.Equal("广西壮族自治区计划生育协会", Assert.Single(feed.Authors).Name);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "http://localhost/feed.atom");

        var entry = Assert.Single(feed.Items);
        Assert.Equal("2023年第2期(总第65期)", entry.Title.Text);
        var link = Assert.Single(entry.Links, l => l.RelationshipType == "alternate");
        Assert.Equal("http://localhost/issues/2023/2", link.Uri.AbsoluteUri);
        Assert.Equal("http://localhost/issues/2023/2", entry.Id);
        var summary = entry.Summary.Text;
        foreach (var expected in new[] { "目录", "【工作调研】", "杜振宗到自治区计生协调研", "姚瑛到广西调研计生协工作", "【基层简讯】" })
        {
            Assert.Contains(expected, summary);
        }

        var publishedAt = await portal.WithDbAsync(db => db.Issues.Where(i => i.Year == 2023 && i.Number == 2).Select(i => i.PublishedAt).SingleAsync());
        Assert.Equal(DateTime.SpecifyKind(publishedAt!.Value, DateTimeKind.Utc), entry.LastUpdatedTime.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(entry.LastUpdatedTime, feed.LastUpdatedTime);
    }

    [Fact]
    public async Task Feed_is_the_public_one_for_signed_in_readers_too()
    {
        var member = await portal.SignedInAsync(Newsletter.Web.Domain.Roles.Member, "feed-reader@test.local");
        var feed = await FeedAsync(member);
        Assert.Equal("2023年第2期(总第65期)", Assert.Single(feed.Items).Title.Text);
    }

    [Fact]
    public async Task Sitemap_lists_the_public_pages_as_absolute_urls_that_all_open()
    {
        var locations = await SitemapAsync(client);
        var articleIds = await portal.WithDbAsync(db => db.Articles
            .Where(a => a.Issue!.Year == 2023 && a.Issue.Number == 2 && !a.Issue.IsSupplement).Select(a => a.Id).ToListAsync());
        Assert.Equal(15, articleIds.Count);

        var expected = new[] { "/", "/issues", "/issues/2023", "/issues/2023/2", "/sections", "/sections/research", "/sections/briefs" }
            .Concat(articleIds.Select(id => $"/articles/{id}"))
            .Select(path => "http://localhost" + path);
        foreach (var url in expected)
        {
            Assert.Contains(url, locations);
        }

        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.All(locations, url => Assert.StartsWith("http://localhost/", url));
        foreach (var url in locations)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Sitemap_gives_the_issue_and_its_articles_a_last_modified_time()
    {
        var response = await client.GetStreamAsync("/sitemap.xml");
        var urls = XDocument.Load(response).Root!.Elements(SitemapNs + "url")
            .ToDictionary(u => u.Element(SitemapNs + "loc")!.Value, u => u.Element(SitemapNs + "lastmod")?.Value);
        var issue = urls["http://localhost/issues/2023/2"];
        Assert.NotNull(issue);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", issue);
        Assert.All(urls.Where(u => u.Key.Contains("/articles/")), u => Assert.NotNull(u.Value));
        Assert.Null(urls["http://localhost/sections"]);
    }

    [Fact]
    public async Task Feed_and_sitemap_date_the_back_issue_by_its_print_date_not_by_its_import()
    {
        var createdAt = await portal.WithDbAsync(db => db.Issues.Where(i => i.Year == 2023 && i.Number == 2).Select(i => i.CreatedAt).SingleAsync());
        Assert.NotEqual(2023, createdAt.Year);

        var atom = await client.GetStringAsync("/feed.atom");
        Assert.Contains("<published>2023-05-06T00:00:00+08:00</published>", atom);
        var entry = Assert.Single((await FeedAsync(client)).Items);
        Assert.Equal(new DateTimeOffset(2023, 5, 6, 0, 0, 0, TimeSpan.FromHours(8)), entry.PublishDate);
        Assert.Equal(entry.PublishDate, entry.LastUpdatedTime);

        var urls = XDocument.Load(await client.GetStreamAsync("/sitemap.xml")).Root!.Elements(SitemapNs + "url")
            .ToDictionary(u => u.Element(SitemapNs + "loc")!.Value, u => u.Element(SitemapNs + "lastmod")?.Value);
        foreach (var path in new[] { "/", "/issues", "/issues/2023", "/issues/2023/2", "/sections/research" })
        {
            Assert.Equal("2023-05-06T00:00:00+08:00", urls["http://localhost" + path]);
        }

        Assert.All(urls.Where(u => u.Key.Contains("/articles/")), u => Assert.Equal("2023-05-06T00:00:00+08:00", u.Value));
    }
}
