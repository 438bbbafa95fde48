using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    public int TotalPages => Math.Max(1, (Results.Total + SearchRequest.PageSize - 1) / SearchRequest.PageSize);
}

/// <summary>Search over published issues.</summary>
[AllowAnonymous]
public sealed class SearchController(ISearchIndex index, NewsletterDbContext db, ArchiveQueries queries) : Controller
{
    private const int BuildingRetrySeconds = 10;

    [HttpGet("/search")]
    [EnableRateLimiting(RateLimits.Search)]
    [OutputCache(PolicyName = ArchiveCachePolicy.Name)]
    public async Task<IActionResult> Index(string? q, int? section, int? year, string? org, SearchSort sort = SearchSort.Relevance, int page = 1)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var typed = (q ?? "").Trim();
        var query = SearchBox.Cut(typed); // a 20,000-character query is neither searched nor echoed whole
        var request = new SearchRequest(query, section, year, org, Enum.IsDefined(sort) ? sort : SearchSort.Relevance, Math.Clamp(page, 1, 1000), signedIn);
        var building = !index.Exists;
        var results = query.Length == 0 || building ? SearchResults.Empty : index.Search(request);
        var notice = typed.Length > SearchBox.MaxLength ? $"搜索词太长，只用了前 {SearchBox.MaxLength} 个字。" : null;
        if (building && query.Length > 0)
        {
            // Only until this node's first index build ends (a fresh data folder or a restore): a passing state, not
            // an empty result — 503 with Retry-After, so neither browsers nor the output cache keep this page.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = BuildingRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The filters name only what this reader may find: a members-only issue's year or 单位 is not shown to others.
        var readable = await queries.ReadableIssuesAsync(signedIn, HttpContext.RequestAborted);
        var years = await readable.Select(i => i.Year).Distinct().OrderByDescending(y => y).ToListAsync();
        var organizations = await db.Articles.AsNoTracking()
            .Where(a => a.AttributionOrganization != null && readable.Any(i => i.Id == a.IssueId))
            .Select(a => a.AttributionOrganization!).Distinct().ToListAsync();
        organizations = AdministrativeOrder(organizations, await db.Organizations.AsNoTracking().ToListAsync());
        var sections = await db.Sections.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync();
        return View(new SearchPageViewModel(query, request, results, sections, years, organizations, notice, building && query.Length > 0));
    }

    /// <summary>
    /// 供稿单位 as the 单位 list has them — the region, each city followed by its counties — for names that are organisations
    /// of the tree; any other name after them, in pinyin order.
    /// </summary>
    private static List<string> AdministrativeOrder(List<string> names, List<Organization> all)
    {
        var place = OrganizationTree.Flatten(all).Select((item, index) => (item.Organization.Name, index))
            .GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(x => x.index), StringComparer.Ordinal);
        return names.OrderBy(n => place.GetValueOrDefault(n, int.MaxValue)).ThenBy(n => n, ChineseOrder.Names).ToList();
    }
}
