using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Newsletter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Organizations;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Search;

public sealed record SearchPageViewModel(
    string Query,
    SearchRequest Request,
    SearchResults Results,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> Organizations,
    string? Notice,
    bool Building = false)
{
    /// <summary>The issue searched within (from its page), with its label and address; null for the whole archive.</summary>
    public (int Id, string Label, string Url)? Within { get; init; }

    /// <summary>The query string of this search (without the page), for links that keep the filters.</summary>
    public string Filters(string? query = null, SearchSort? sort = null) =>
        $"q={Uri.EscapeDataString(query ?? Query)}&section={Request.SectionId}&year={Request.Year}&org={Uri.EscapeDataString(Request.Organization ?? "")}"
        + $"&from={Request.From:yyyy-MM-dd}&to={Request.To:yyyy-MM-dd}{(Within is { } w ? $"&issue={w.Id}" : "")}&sort={sort ?? Request.Sort}";

    public int TotalPages => Math.Max(1, (Results.Total + SearchRequest.PageSize - 1) / SearchRequest.PageSize);
}

/// <summary>Search over published issues.</summary>
[AllowAnonymous]
public sealed class SearchController(ISearchIndex index, SearchFilters filters, ArchiveQueries queries) : Controller
{
    private const int BuildingRetrySeconds = 10;

    [HttpGet("/search")]
    [EnableRateLimiting(RateLimits.Search)]
    [OutputCache(PolicyName = ArchiveCachePolicy.SearchName)]
    public async Task<IActionResult> Index(
        string? q, int? section, int? year, string? org, DateOnly? from, DateOnly? to, int? issue, SearchSort sort = SearchSort.Relevance, int page = 1)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var typed = (q ?? "").Trim();
        var query = SearchBox.Cut(typed); // a 20,000-character query is neither searched nor echoed whole
        var within = issue is null ? null
            : await (await queries.ReadableIssuesAsync(signedIn, HttpContext.RequestAborted)).Where(i => i.Id == issue).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (issue is not null && within is null)
        {
            return this.NotFoundPage("没有这一期工作通讯，无法在其中搜索。");
        }

        var notices = new List<string>();
        if (typed.Length > SearchBox.MaxLength)
        {
            notices.Add($"搜索词太长，只用了前 {SearchBox.MaxLength} 个字。");
        }

        if (ModelState.GetFieldValidationState(nameof(from)) == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState(nameof(to)) == ModelValidationState.Invalid)
        {
            // A hand-typed date the browser's date field would not send: searched without it, and said so.
            notices.Add("日期格式不对（应为 2023-05-06 这样），已按不限日期搜索。");
        }

        if (from > to)
        {
            (from, to) = (to, from);
            notices.Add("起止日期填反了，已对调。");
        }

        var request = new SearchRequest(query, section, year, org, Enum.IsDefined(sort) ? sort : SearchSort.Relevance, Math.Clamp(page, 1, 1000), signedIn)
        {
            IssueId = within?.Id,
            From = from,
            To = to,
        };
        var building = !index.Exists;
        var results = query.Length == 0 || building ? SearchResults.Empty : index.Search(request);
        var notice = notices.Count == 0 ? null : string.Join(" ", notices);
        if (building && query.Length > 0)
        {
            // Only until this node's first index build ends (a fresh data folder or a restore): a passing state, not
            // an empty result — 503 with Retry-After, so neither browsers nor the output cache keep this page.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = BuildingRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var lists = await filters.ReadAsync(signedIn, HttpContext.RequestAborted);
        return View(new SearchPageViewModel(query, request, results, lists.Sections, lists.Years, lists.Organizations, notice, building && query.Length > 0)
        {
            Within = within is null ? null : (within.Id, within.FullLabel, ArchiveUrls.Issue(within)),
        });
    }
}
