using System.Net;
using System.Text.RegularExpressions;
using Newsletter.Web.Domain;
using UglyToad.PdfPig;

namespace Newsletter.IntegrationTests.Features.Editorial.Issues;

/// <summary>
/// 样稿: before publication editors and chief editors read the issue in the readers' print view and A4 PDF, marked 样稿
/// on every page, with editorial links only; the chief editor approves from it.
/// </summary>
public partial class ProofTests(ProofPortal portal) : IClassFixture<ProofPortal>
{
    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [Fact]
    public async Task Proof_print_view_of_a_draft_is_marked_shows_its_picture_links_no_public_page_and_carries_the_approval()
    {
        var draft = await portal.DraftAsync();
        var url = $"/editorial/issues/{draft.IssueId}/print";
        foreach (var role in new[] { Roles.Editor, Roles.ChiefEditor })
        {
            var client = await portal.SignedInAsync(role);
            var (response, page, html) = await client.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("样稿", page.QuerySelector(".bf-proof-mark")!.TextContent);
            Assert.Contains("样稿", page.Title);
            Assert.Equal([ProofDraft.FirstTitle, ProofDraft.SecondTitle], page.QuerySelectorAll(".bf-toc a").Select(a => a.TextContent));
            Assert.All(page.QuerySelectorAll(".bf-toc a"), a => Assert.StartsWith("#a-", a.GetAttribute("href")));
            Assert.DoesNotMatch(@"href=""/(articles|issues)/", html);
            Assert.Contains($"href=\"/editorial/issues/{draft.IssueId}\"", html);

            // The draft's picture is in the page, and served to the one reading it (it is not public yet).
            var src = page.QuerySelector(".bf-body figure img")!.GetAttribute("src")!;
            Assert.StartsWith($"/media/{draft.Picture}/", src);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(src)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await portal.Browser().GetAsync(src)).StatusCode);
        }

        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        var proofHtml = await chief.GetStringAsync(url);
        var proof = await Html.ParseAsync(proofHtml);
        var approve = proof.QuerySelector($".bf-proof-bar form input[name=Action][value={IssueAction.Approve}]");
        Assert.NotNull(approve);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["proof"] = proofHtml }));

        var approved = await chief.PostFormAsync(url, $"/editorial/issues/{draft.IssueId}/transition",
            new() { ["Action"] = nameof(IssueAction.Approve), ["HitsReviewed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(IssueStatus.Approved, (await portal.IssueAsync(draft.IssueId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Editorial_preview_links_the_editorial_article_pages_and_the_proof()
    {
        var draft = await portal.DraftAsync();
        var editor = await portal.SignedInAsync(Roles.Editor);
        var (response, page, html) = await editor.GetPageAsync($"/editorial/issues/{draft.IssueId}/preview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"/editorial/articles/{draft.FirstArticle}", $"/editorial/articles/{draft.SecondArticle}"],
            page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotMatch(@"href=""/articles/", html);
        Assert.Contains($"href=\"/editorial/issues/{draft.IssueId}/proof.pdf\"", html);
    }

    [Fact]
    public async Task Proof_is_for_editors_only_and_an_unknown_issue_is_404()
    {
        var draft = await portal.DraftAsync();
        foreach (var path in new[] { "print", "proof.pdf" })
        {
            var url = $"/editorial/issues/{draft.IssueId}/{path}";
            var anonymous = await portal.Browser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath());
            foreach (var role in new[] { Roles.Correspondent, Roles.Member, Roles.Administrator })
            {
                var refused = await (await portal.SignedInAsync(role)).GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.StartsWith("/account/denied", refused.Headers.Location!.AbsolutePath());
            }

            var missing = await (await portal.SignedInAsync(Roles.Editor)).GetAsync($"/editorial/issues/9999/{path}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("没有找到这一期", await missing.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Proof_pdf_has_the_mark_on_every_page_the_tocs_page_numbers_and_the_drafts_picture()
    {
        var draft = await portal.DraftAsync();
        var response = await (await portal.SignedInAsync(Roles.ChiefEditor)).GetAsync($"/editorial/issues/{draft.IssueId}/proof.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var laidOut = pdf.GetPages().ToList();
        var pages = laidOut.Select(p => Squeeze(p.Text)).ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        Assert.All(pages, p => Assert.Contains("样稿", p));
        Assert.Equal(1, laidOut.Sum(p => p.GetImages().Count()));
        Assert.Contains(pages, p => p.Contains(ProofDraft.Caption, StringComparison.Ordinal));

        // Article titles are set at 18pt; the 目录 is the first page.
        var headings = laidOut.Select(p => Squeeze(string.Concat(p.Letters.Where(l => l.PointSize > 17).Select(l => l.Value)))).ToList();
        Assert.Contains("目录", pages[0]);
        foreach (var title in new[] { ProofDraft.FirstTitle, ProofDraft.SecondTitle })
        {
            var printed = Regex.Match(pages[0], Regex.Escape(title) + @"(\d+)");
            Assert.True(printed.Success, $"目录 has no page number for {title}: {pages[0]}");
            var heading = headings.FindIndex(1, h => h.Contains(title, StringComparison.Ordinal)) + 1;
            Assert.Equal(heading, int.Parse(printed.Groups[1].Value));
        }

        Assert.True(headings.FindIndex(1, h => h.Contains(ProofDraft.SecondTitle)) > 1, "the second article starts after page 2");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

internal static class LocationExtensions
{
    public static string AbsolutePath(this Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
}
