using System.Net;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Newsletter.IntegrationTests.Features.Issues.Pdf;

/// <summary>
/// Pictures in the print view and the PDF: at print size with their captions, loaded at once, and in the PDF only the
/// issue's own pictures (inlined by the server; Chromium still fetches nothing).
/// </summary>
public partial class PdfPicturesTests(PicturedPortal portal) : IClassFixture<PicturedPortal>
{
    [Fact]
    public async Task The_print_view_shows_the_issues_pictures_with_captions_all_loaded_at_once()
    {
        var issue = await portal.IssueAsync();
        var (response, page, html) = await portal.Browser().GetPageAsync(PicturedIssue.Url + "/print");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var figures = page.QuerySelectorAll(".bf-body figure.article-figure");
        Assert.Equal(2, figures.Length);
        Assert.StartsWith($"/media/{issue.First}/", figures[0].QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(PicturedIssue.FirstAlt, figures[0].QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal(PicturedIssue.FirstCaption, figures[0].QuerySelector("figcaption")!.TextContent);
        Assert.Equal(PicturedIssue.SecondCaption, figures[1].QuerySelector("figcaption")!.TextContent);
        Assert.DoesNotContain("loading=\"lazy\"", html);
    }

    [Fact]
    public async Task The_pdf_embeds_the_issues_own_pictures_with_captions_and_not_another_articles_picture()
    {
        await portal.IssueAsync();
        var response = await portal.Browser().GetAsync(PicturedIssue.Url + ".pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().ToList();
        var text = string.Concat(pages.Select(p => Whitespace().Replace(p.Text, "")));
        Assert.Equal(2, pages.Sum(p => p.GetImages().Count()));
        Assert.Contains(PicturedIssue.FirstCaption, text);
        Assert.Contains(PicturedIssue.SecondCaption, text);
        Assert.Contains(PicturedIssue.ForeignAlt, text); // the foreign picture stays its alt text
        Assert.DoesNotContain(PicturedIssue.ForeignCaption, text);

        // Each picture sits on one page with its caption below it.
        var withPicture = pages.Where(p => p.GetImages().Any()).ToList();
        Assert.All(withPicture, p => Assert.Contains("图为", p.Text));
        var first = withPicture.First(p => Whitespace().Replace(p.Text, "").Contains(PicturedIssue.FirstCaption));
        var image = first.GetImages().First();
        var caption = first.Letters.First(l => l.Value == "图" && l.PointSize < 13); // captions are set at 12pt, the text at 15.5pt
        Assert.True(caption.Location.Y < image.BoundingBox.Bottom, $"caption at {caption.Location.Y}, picture bottom {image.BoundingBox.Bottom}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
