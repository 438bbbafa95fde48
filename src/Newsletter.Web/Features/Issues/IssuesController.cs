using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsletter.Web.Features.Issues.Pdf;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Issues;

/// <summary>The reading side's issues: home (the latest issue), issues by year, one issue with its 目录, its print view.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ArchiveCachePolicy.Name)]
public sealed class IssuesController(ArchiveQueries queries, MarkdownRenderer markdown, IssuePrinter printer) : Controller
{
    private bool SignedIn => User.Identity?.IsAuthenticated == true;

    [HttpGet("/")]
    public async Task<IActionResult> Home(CancellationToken ct)
    {
        var recent = await queries.LatestIssuesAsync(SignedIn, 7, ct);
        var years = await queries.YearsAsync(SignedIn, ct);
        IssuePageViewModel? latest = null;
        if (recent.Count > 0)
        {
            var issue = await queries.IssueWithArticlesAsync(recent[0].Id, SignedIn, ct);
            latest = issue is null ? null : new IssuePageViewModel(issue, await queries.PublicationAsync(ct));
        }

        return View(new HomeViewModel(latest, recent.Skip(1).ToList(), years));
    }

    [HttpGet("/issues")]
    public async Task<IActionResult> Years(CancellationToken ct)
    {
        var years = await queries.YearsAsync(SignedIn, ct);
        var issues = await queries.LatestIssuesAsync(SignedIn, 500, ct);
        return View(new YearsViewModel(years, issues));
    }

    [HttpGet("/issues/{year:int}")]
    public async Task<IActionResult> Year(int year, CancellationToken ct)
    {
        var issues = await queries.IssuesOfYearAsync(year, SignedIn, ct);
        if (issues.Count == 0)
        {
            return this.NotFoundPage($"{year}年没有已发布的工作通讯。");
        }

        return View(new YearArchiveViewModel(year, issues, await queries.YearsAsync(SignedIn, ct)));
    }

    [HttpGet("/issues/{year:int}/{number:int}")]
    public Task<IActionResult> Issue(int year, int number, CancellationToken ct) => ShowIssue(year, number, false, ct);

    [HttpGet("/issues/{year:int}/s{number:int}")]
    public Task<IActionResult> Supplement(int year, int number, CancellationToken ct) => ShowIssue(year, number, true, ct);

    [HttpGet("/issues/{year:int}/{number:int}/print")]
    public Task<IActionResult> Print(int year, int number, CancellationToken ct) => ShowPrint(year, number, false, ct);

    [HttpGet("/issues/{year:int}/s{number:int}/print")]
    public Task<IActionResult> PrintSupplement(int year, int number, CancellationToken ct) => ShowPrint(year, number, true, ct);

    private async Task<IActionResult> ShowPrint(int year, int number, bool supplement, CancellationToken ct)
    {
        var issue = await queries.IssueAsync(year, number, supplement, SignedIn, ct);
        if (issue is null)
        {
            return await ShowIssue(year, number, supplement, ct);
        }

        var page = new IssuePageViewModel(issue, await queries.PublicationAsync(ct));
        if (page.IsMembersOnly)
        {
            Response.Headers.CacheControl = MembersOnlyResponse.CacheControl;
        }

        return View("Print", printer.Screen(page));
    }

    private async Task<IActionResult> ShowIssue(int year, int number, bool supplement, CancellationToken ct)
    {
        var issue = await queries.IssueAsync(year, number, supplement, SignedIn, ct);
        if (issue is null)
        {
            return await this.HiddenIssueAsync(queries, year, number, supplement, ct);
        }

        var page = new IssuePageViewModel(issue, await queries.PublicationAsync(ct));
        ViewData[OpenGraphImage.Key] = OpenGraphImage.From(
            page.Toc.SelectMany(s => s.Articles).Select(a => markdown.FirstPicture(a.Body)).FirstOrDefault(p => p is not null));
        return View("Issue", page);
    }
}
