using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Newsletter.IntegrationTests.Features.Issues;

namespace Newsletter.IntegrationTests.Features.Feeds;

/// <summary>Where an article's pictures are seen away from the site: the Atom feed (absolute URLs) and link previews (og:image).</summary>
public partial class PicturesOutsideTheSiteTests(PicturedPortal portal) : IClassFixture<PicturedPortal>
{
    /// <summary>A PNG upload is stored as PNG by the placeholder processor, as JPEG (opaque) by the real one.</summary>
    public static readonly string[] StoredTypes = ["image/jpeg", "image/png"];

    private static string? Meta(IDocument page, string property) =>
        page.Head!.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    [Fact]
    public async Task The_feed_carries_the_articles_with_absolute_picture_urls_that_open()
    {
        var issue = await portal.IssueAsync();
        var anonymous = portal.Browser();
        var feed = await FeedAndSitemapTests.FeedAsync(anonymous);
        var entry = feed.Items.Single(i => i.Title.Text == "2023年第3期(总第66期)");
        var content = Assert.IsType<TextSyndicationContent>(entry.Content).Text;

        Assert.Contains(PicturedIssue.FirstCaption, content);
        Assert.Contains($"src=\"http://localhost/media/{issue.First}/", content);
        Assert.Contains($"src=\"http://localhost/media/{issue.Second}/", content);
        Assert.DoesNotContain("src=\"/media/", content);
        var srcsets = SrcSet().Matches(content).SelectMany(m => m.Groups[1].Value.Split(", ")).ToList();
        Assert.NotEmpty(srcsets);
        Assert.All(srcsets, s => Assert.StartsWith("http://localhost/media/", s));
        Assert.Contains("<a href=\"http://localhost/articles/", content);

        var picture = Regex.Match(content, $"src=\"http://localhost(/media/{issue.First}/[^\"]+)\"").Groups[1].Value;
        var served = await anonymous.GetAsync(picture);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains(served.Content.Headers.ContentType?.MediaType, StoredTypes);

        // The seed issue has no pictures and still gets its text.
        var seed = feed.Items.Single(i => i.Title.Text == "2023年第2期(总第65期)");
        Assert.Contains("杜振宗到自治区计生协调研", Assert.IsType<TextSyndicationContent>(seed.Content).Text);
    }

    [Fact]
    public async Task Article_and_issue_pages_name_the_first_picture_as_og_image_and_load_only_it_at_once()
    {
        var issue = await portal.IssueAsync();
        var anonymous = portal.Browser();
        var (response, page, _) = await anonymous.GetPageAsync($"/articles/{issue.ArticleId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var image = Meta(page, "og:image")!;
        Assert.StartsWith($"http://localhost/media/{issue.First}/", image);
        Assert.Equal("1000", Meta(page, "og:image:width"));
        Assert.Equal("750", Meta(page, "og:image:height"));
        Assert.Equal(PicturedIssue.FirstAlt, Meta(page, "og:image:alt"));
        var served = await anonymous.GetAsync(new Uri(image).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains(served.Content.Headers.ContentType?.MediaType, StoredTypes);

        var pictures = page.QuerySelectorAll("main img").ToList();
        Assert.Equal(3, pictures.Count);
        Assert.Null(pictures[0].GetAttribute("loading"));
        Assert.All(pictures.Skip(1), p => Assert.Equal("lazy", p.GetAttribute("loading")));

        var (_, issuePage, _) = await anonymous.GetPageAsync(PicturedIssue.Url);
        Assert.Equal(image, Meta(issuePage, "og:image"));
        Assert.Empty(issuePage.QuerySelectorAll("main img[loading='lazy']"));

        // The pages with pictures are valid HTML (figure, srcset/sizes, og:image tags).
        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { $"/articles/{issue.ArticleId}", PicturedIssue.Url, PicturedIssue.Url + "/print" })
        {
            pages[url] = await anonymous.GetStringAsync(url);
        }

        Assert.Empty(await NuHtmlChecker.ErrorsAsync(pages));

        // Pages without a picture have no og:image.
        var (_, seed, _) = await anonymous.GetPageAsync("/issues/2023/2");
        Assert.NotNull(Meta(seed, "og:url"));
        Assert.Null(Meta(seed, "og:image"));
    }

    [GeneratedRegex("srcset=\"([^\"]+)\"")]
    private static partial Regex SrcSet();
}
