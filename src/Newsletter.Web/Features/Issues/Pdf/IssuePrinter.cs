using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>
/// The print view and the PDF of an issue, in one place for the readers' copies (<see cref="PdfController"/>, the print
/// view of <see cref="IssuesController"/>) and the editors' 样稿 (Editorial/Issues/ProofController): what the chief
/// editor approves is laid out by the same view, the same Paged.js and the same Chromium as what readers get.
/// </summary>
public sealed class IssuePrinter(
    MarkdownRenderer markdown, ViewHtmlRenderer views, IPdfGenerator pdf, IssuePictures pictures, ILogger<IssuePrinter> logger)
{
    public const string PrintView = "/Features/Issues/Print.cshtml";

    /// <summary>The A4 text column is 166 mm wide: about 1,300 px at 200 dpi, so the 1600 px size (not the 800 px one).</summary>
    public const int PrintWidth = 1600;

    /// <summary>The print view for the browser: pictures by their /media URLs (a draft's are served to those who may see it).</summary>
    public PrintViewModel Screen(IssuePageViewModel page, ProofMarks? proof = null) =>
        new(page, page.Toc.SelectMany(s => s.Articles).ToDictionary(a => a.Id, a => markdown.Render(a.Body, PictureRendering.Print)))
        {
            Proof = proof,
        };

    /// <summary>
    /// The PDF as a file result, printed once per content and kept under <paramref name="group"/>-v{version}-{hash} (the
    /// version changes with every edit of the issue, the hash covers its articles, the publication and the 样稿 mark); a
    /// 503 page with the reason when Chromium cannot print it.
    /// </summary>
    public async Task<IActionResult> PdfAsync(Controller controller, IssuePageViewModel page, string group, string fileName, ProofMarks? proof, CancellationToken ct)
    {
        if (!pdf.IsAvailable)
        {
            return Unavailable(controller, pdf.UnavailableReason!);
        }

        var articles = page.Toc.SelectMany(s => s.Articles).ToList();
        var embedded = PictureRendering.Inline(await DataUrisAsync(articles, ct));
        var bodies = articles.ToDictionary(a => a.Id, a => markdown.Render(a.Body, embedded));
        var html = await views.RenderAsync(controller, PrintView, new PrintViewModel(page, bodies, Paged: true) { Proof = proof });

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16];
        try
        {
            var file = await pdf.GetOrCreateAsync($"{group}-v{page.Issue.Version}-{hash}", group, html, ct);
            return controller.PhysicalFile(file, "application/pdf", fileName);
        }
        catch (PdfUnavailableException e)
        {
            logger.LogWarning(e, "No PDF for {Issue}", page.Issue.FullLabel);
            return Unavailable(controller, e.Message);
        }
    }

    /// <summary>
    /// The issue's own pictures as <c>data:</c> URIs: Chromium prints with no network and a policy that allows images only
    /// so (see <see cref="ChromiumPdfGenerator.ContentSecurityPolicy"/>); a picture of another article stays its alt text.
    /// A draft's pictures are read from the store like a published issue's: the PDF never asks the media URLs.
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

    private static ViewResult Unavailable(Controller controller, string reason)
    {
        controller.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return controller.View("/Features/Shared/Error.cshtml", new ErrorViewModel(StatusCodes.Status503ServiceUnavailable, reason));
    }
}
