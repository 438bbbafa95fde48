using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Archive;

/// <summary>The reading side: home, issues by year, one issue with its 目录, articles, sections.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ArchiveCachePolicy.Name)]
public sealed class ArchiveController(ArchiveQueries queries, MarkdownRenderer markdown) : Controller
{
    private const int PageSize = 20;

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

    [HttpGet("/articles/{id:int}")]
    public async Task<IActionResult> Article(int id, CancellationToken ct)
    {
        var article = await queries.ArticleAsync(id, SignedIn, ct);
        var issue = article?.IssueId is { } issueId ? await queries.IssueWithArticlesAsync(issueId, SignedIn, ct) : null;
        if (article is null || issue is null)
        {
            var ownIssue = await queries.IssueIdOfArticleAsync(id, ct);
            return await HiddenAsync(q => q.Where(i => i.Id == ownIssue), $"没有找到编号为 {id} 的文章，它可能尚未发布。", ct);
        }

        var toc = new IssuePageViewModel(issue, await queries.PublicationAsync(ct)).Toc;
        var order = toc.SelectMany(s => s.Articles).ToList();
        var index = order.FindIndex(a => a.Id == id);
        return View(new ArticlePageViewModel(
            article, issue, await queries.PublicationAsync(ct), markdown.Render(article.Body),
            index > 0 ? order[index - 1] : null,
            index >= 0 && index < order.Count - 1 ? order[index + 1] : null));
    }

    [HttpGet("/sections")]
    public async Task<IActionResult> Sections(CancellationToken ct) =>
        View(new SectionsViewModel(await queries.SectionsAsync(ct)));

    [HttpGet("/sections/{slug}")]
    public async Task<IActionResult> Section(string slug, int page = 1, CancellationToken ct = default)
    {
        var section = await queries.SectionAsync(slug, ct);
        if (section is null)
        {
            return this.NotFoundPage("没有这个栏目。");
        }

        page = Math.Max(1, page);
        var (items, total) = await queries.SectionArticlesAsync(section.Id, page, PageSize, SignedIn, ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > pages)
        {
            return this.NotFoundPage($"“{section.Name}”栏目只有 {pages} 页。");
        }

        return View(new SectionPageViewModel(section, await queries.SectionsAsync(ct), items, page, pages, total));
    }

    private async Task<IActionResult> HiddenAsync(Func<IQueryable<Domain.Issue>, IQueryable<Domain.Issue>> which, string notFound, CancellationToken ct)
    {
        var (withdrawn, membersOnly) = await queries.WhyHiddenAsync(which, ct);
        if (withdrawn is not null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return View("Withdrawn", withdrawn);
        }

        return membersOnly && !SignedIn ? Challenge() : this.NotFoundPage(notFound);
    }

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

        var bodies = page.Toc.SelectMany(s => s.Articles).ToDictionary(a => a.Id, a => markdown.Render(a.Body));
        return View("Print", new PrintViewModel(page, bodies));
    }

    private async Task<IActionResult> ShowIssue(int year, int number, bool supplement, CancellationToken ct)
    {
        var issue = await queries.IssueAsync(year, number, supplement, SignedIn, ct);
        if (issue is null)
        {
            var label = supplement ? $"{year}年增刊第{number}期" : $"{year}年第{number}期";
            return await HiddenAsync(q => q.Where(i => i.Year == year && i.Number == number && i.IsSupplement == supplement),
                $"没有找到{label}工作通讯，它可能尚未发布。", ct);
        }

        return View("Issue", new IssuePageViewModel(issue, await queries.PublicationAsync(ct)));
    }
}
