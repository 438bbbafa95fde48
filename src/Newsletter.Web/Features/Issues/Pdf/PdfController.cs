using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>
/// The PDF of a whole issue: the print view laid out by Paged.js and printed by headless Chromium (<see cref="IssuePrinter"/>),
/// with the same visibility rules as the print view. Cached until the issue (or anything printed in it) changes.
/// </summary>
[AllowAnonymous]
public sealed class PdfController(ArchiveQueries queries, IssuePrinter printer) : Controller
{
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

        var page = new IssuePageViewModel(issue, await queries.PublicationAsync(ct));
        var result = await printer.PdfAsync(this, page, $"issue-{issue.Id}", $"{page.Publication.Name}{issue.FullLabel}.pdf", proof: null, ct);
        if (page.IsMembersOnly && result is PhysicalFileResult)
        {
            Response.Headers.CacheControl = MembersOnlyResponse.CacheControl;
        }

        return result;
    }
}
