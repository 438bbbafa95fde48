using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Infrastructure;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Search;

public sealed record SearchStatusViewModel(bool Exists, long Position, int Documents, int Pending, SynonymsForm Synonyms);

/// <summary>The administrators' page of this node's search index: its state, the button that rebuilds it, and the synonym list.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class SearchIndexController(
    ISearchIndex index, SearchIndexer indexer, SynonymList synonyms, NewsletterDbContext db, AuditLog audit, ArchiveCacheInvalidator cache) : Controller
{
    [HttpGet("/admin/search")]
    public async Task<IActionResult> Status() => await StatusPageAsync(new SynonymsForm { Lines = await synonyms.TextAsync() });

    [HttpPost("/admin/search/synonyms")]
    public async Task<IActionResult> Synonyms(SynonymsForm form)
    {
        if (ModelState.IsValid)
        {
            var outcome = await synonyms.ReplaceAsync(form.Lines, HttpContext.ToActor());
            if (outcome.Succeeded)
            {
                TempData["Message"] = $"同义词表已保存，共 {outcome.Value} 组，搜索立即按新表理解（无需重建索引）。";
                return Redirect("/admin/search");
            }

            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(nameof(SynonymsForm.Lines), error);
            }
        }

        return await StatusPageAsync(form);
    }

    private async Task<IActionResult> StatusPageAsync(SynonymsForm form) =>
        View(nameof(Status), new SearchStatusViewModel(
            index.Exists, index.Exists ? index.Position : 0, index.Exists ? index.DocumentCount : 0, await indexer.PendingAsync(), form));

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
