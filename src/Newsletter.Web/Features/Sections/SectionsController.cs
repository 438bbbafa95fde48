using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Sections;

/// <summary>The reading side's sections (栏目): the list, and one section's published items page by page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ArchiveCachePolicy.Name)]
public sealed class SectionsController(ArchiveQueries queries) : Controller
{
    private const int PageSize = 20;

    private bool SignedIn => User.Identity?.IsAuthenticated == true;

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
}
