using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsletter.Web.Infrastructure;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Feeds;

/// <summary>
/// Machine-readable views of the public archive: the Atom feed and the sitemap. Both show what an
/// anonymous reader may see, whoever asks, so members-only issues never leak into them.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = ArchiveCachePolicy.Name)]
public sealed class FeedsController(ArchiveQueries archive, MarkdownRenderer markdown) : Controller
{
    [HttpGet(AtomFeed.Path)]
    public async Task<IActionResult> Atom(CancellationToken ct)
    {
        var publication = await archive.PublicationAsync(ct);
        var issues = await archive.PublicIssuesWithArticlesAsync(AtomFeed.MaxEntries, ct);
        return File(AtomFeed.Write(publication, issues, Absolute, markdown), AtomFeed.ContentType);
    }

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken ct)
    {
        var issues = await archive.PublicIssuesWithArticlesAsync(take: null, ct);
        var sections = await archive.SectionsAsync(ct);
        return File(Feeds.Sitemap.Write(issues, sections, Absolute), Feeds.Sitemap.ContentType);
    }

    private string Absolute(string path) => SiteAddresses.Absolute(Request, path);
}
