using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>
/// The PDF of a whole issue: the print view laid out by Paged.js and printed by headless Chromium, with the same
/// visibility rules as the print view. Cached until the issue (or anything printed in it) changes.
/// </summary>
[AllowAnonymous]
public sealed class PdfController(
    ArchiveQueries queries, MarkdownRenderer markdown, ViewHtmlRenderer views, IPdfGenerator pdf, IssuePictures pictures,
    ILogger<PdfController> logger) : Controller
{
    private const string PrintView = "/Features/Issues/Print.cshtml";

    /// <summary>The A4 text column is 166 mm wide: about 1,300 px at 200 dpi, so the 1600 px size (not the 800 px one).</summary>
    public const int PrintWidth = 1600;

    private bool SignedIn => User.Identity?.IsAuthenticated == true;

    [HttpGet("/issues/{year:int}/{number:int}.pdf")]
    public Task<IActionResult> Issue(int year, int number, CancellationToken ct) => ShowPdf(year, number, false, ct);

    [HttpGet("/issues/{year:int}/s{number:int}.pdf")]
    public Task<IActionResult> Supplement(int year, int number, CancellationToken ct) => ShowPdf(year, number, true, ct);

    private async Task<IActionResult> ShowPdf(int year, int number, bool supplement, CancellationToken ct)
    {
        var issue = await queries.IssueAsync(year, number, supplement, SignedIn, ct);
        if (issue is null)
        {
            return await this.HiddenIssueAsync(queries, year, number, supplement, ct);
        }

        if (!pdf.IsAvailable)
        {
            return Unavailable(pdf.UnavailableReason!);
        }

        var page = new IssuePageViewModel(issue, await queries.PublicationAsync(ct));
        var articles = page.Toc.SelectMany(s => s.Articles).ToList();
        var embedded = PictureRendering.Inline(await DataUrisAsync(articles, ct));
        var bodies = articles.ToDictionary(a => a.Id, a => markdown.Render(a.Body, embedded));
        var html = await views.RenderAsync(this, PrintView, new PrintViewModel(page, bodies, Paged: true));

        // The version changes with every edit of the issue; the hash covers its articles and the publication too.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16];
        var group = $"issue-{issue.Id}";
        string file;
        try
        {
            file = await pdf.GetOrCreateAsync($"{group}-v{issue.Version}-{hash}", group, html, ct);
        }
        catch (PdfUnavailableException e)
        {
            logger.LogWarning(e, "No PDF for {Issue}", issue.FullLabel);
            return Unavailable(e.Message);
        }

        if (page.IsMembersOnly)
        {
            Response.Headers.CacheControl = MembersOnlyResponse.CacheControl;
        }

        return PhysicalFile(file, "application/pdf", $"{page.Publication.Name}{issue.FullLabel}.pdf");
    }

    /// <summary>
    /// The issue's own pictures as <c>data:</c> URIs: Chromium prints with no network and a policy that allows images only
    /// so (see <see cref="ChromiumPdfGenerator.ContentSecurityPolicy"/>); a picture of another article stays its alt text.
    /// </summary>
    private async Task<Dictionary<int, string>> DataUrisAsync(IReadOnlyCollection<Domain.Article> articles, CancellationToken ct)
    {
        var uris = new Dictionary<int, string>();
        foreach (var (id, file) in await pictures.OfAsync(articles, ct))
        {
            if (await pictures.ReadAsync(file, PrintWidth, ct) is { } bytes)
            {
                uris[id] = $"data:{file.ContentType};base64,{Convert.ToBase64String(bytes)}";
            }
        }

        return uris;
    }

    private ViewResult Unavailable(string reason)
    {
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return View("/Features/Shared/Error.cshtml", new ErrorViewModel(StatusCodes.Status503ServiceUnavailable, reason));
    }
}
