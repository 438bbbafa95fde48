using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Search;

public sealed record SearchStatusViewModel(bool Exists, long Position, int Documents, int Pending);

/// <summary>The administrators' page of this node's search index: its state, and the button that rebuilds it.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class SearchIndexController(
    ISearchIndex index, SearchIndexer indexer, NewsletterDbContext db, AuditLog audit, ArchiveCacheInvalidator cache) : Controller
{
    [HttpGet("/admin/search")]
    public async Task<IActionResult> Status() =>
        View(new SearchStatusViewModel(index.Exists, index.Exists ? index.Position : 0, index.Exists ? index.DocumentCount : 0, await indexer.PendingAsync()));

    [HttpPost("/admin/search/reindex")]
    public async Task<IActionResult> Reindex()
    {
        var count = await indexer.RebuildAsync();
        audit.Record(HttpContext.ToActor(), "SearchIndex", "all", "重建检索索引", detail: $"{count} 篇");
        await db.SaveChangesAsync();
        cache.EvictAll();
        TempData["Message"] = $"检索索引已重建，共 {count} 篇。";
        return Redirect("/admin/search");
    }
}
