using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>
/// 原版 PDF: the printed PDF a back issue was imported from, as it was printed, with the issue's own visibility
/// (a members-only issue's original is for signed-in readers only and never stored by a browser or proxy).
/// </summary>
[AllowAnonymous]
public sealed class OriginalPdfController(ArchiveQueries queries, MediaStore store) : Controller
{
    private bool SignedIn => User.Identity?.IsAuthenticated == true;

    [HttpGet("/issues/{year:int}/{number:int}/original.pdf")]
    public Task<IActionResult> Issue(int year, int number, CancellationToken ct) => ShowOriginal(year, number, false, ct);

    [HttpGet("/issues/{year:int}/s{number:int}/original.pdf")]
    public Task<IActionResult> Supplement(int year, int number, CancellationToken ct) => ShowOriginal(year, number, true, ct);

    /// <summary>Where an issue's original is served, or null when it has none.</summary>
    public static string? UrlOf(Issue issue) => issue.HasOriginal
        ? $"/issues/{issue.Year}/{(issue.IsSupplement ? "s" : "")}{issue.Number}/original.pdf"
        : null;

    private async Task<IActionResult> ShowOriginal(int year, int number, bool supplement, CancellationToken ct)
    {
        var issue = await queries.IssueAsync(year, number, supplement, SignedIn, ct);
        if (issue is null)
        {
            return await this.HiddenIssueAsync(queries, year, number, supplement, ct);
        }

        return Serve(this, store, issue, (await queries.PublicationAsync(ct)).DefaultVisibility);
    }

    /// <summary>The stored file, or 404 when the issue has none (or its file is missing: <c>media verify</c> reports it).</summary>
    internal static IActionResult Serve(ControllerBase controller, MediaStore store, Issue issue, IssueVisibility defaultVisibility)
    {
        var path = issue.OriginalSha256 is { } sha ? store.PathOf(sha, MediaStore.AttachmentName, ".pdf") : null;
        if (path is null || !System.IO.File.Exists(path))
        {
            return controller.NotFound();
        }

        controller.Response.Headers.CacheControl = (issue.Visibility ?? defaultVisibility) == IssueVisibility.MembersOnly || !issue.IsPublished
            ? MembersOnlyResponse.CacheControl
            : "public, max-age=3600";
        controller.Response.Headers.ContentDisposition = ContentDispositionInline(issue.OriginalName ?? $"{issue.FullLabel}.pdf");
        return controller.PhysicalFile(path, "application/pdf", enableRangeProcessing: true);
    }

    private static string ContentDispositionInline(string name) =>
        new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = name, FileName = "original.pdf" }.ToString();
}
