using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Search;

/// <summary>The search form's choices for one kind of reader: active sections, and the years and 单位 of what they may read.</summary>
public sealed record SearchFilterLists(IReadOnlyList<Section> Sections, IReadOnlyList<int> Years, IReadOnlyList<string> Organizations);

/// <summary>
/// The search form's choices, read once per kind of reader (anonymous, signed in) and kept like <see cref="Shared.SiteHeader"/>:
/// until the reading pages are next evicted (any save touching issues, articles or sections) or for as long as a cached page
/// lives. Reading them on every search was a fifth of an uncached search's time (issue 19's profile).
/// </summary>
public sealed class SearchFilters(
    IServiceScopeFactory scopes, ArchiveCacheInvalidator evictions, TimeProvider clock, IOptions<ArchiveCacheOptions> options)
{
    private readonly Kept?[] kept = new Kept?[2];

    public async Task<SearchFilterLists> ReadAsync(bool signedIn, CancellationToken ct)
    {
        var generation = evictions.Generation; // read first: an eviction during the queries makes the next call read again
        var now = clock.GetUtcNow();
        var slot = signedIn ? 1 : 0;
        if (kept[slot] is { } k && k.Generation == generation && now - k.ReadAt < TimeSpan.FromSeconds(Math.Max(1, options.Value.Seconds)))
        {
            return k.Lists;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var readable = await scope.ServiceProvider.GetRequiredService<ArchiveQueries>().ReadableIssuesAsync(signedIn, ct);
        // Only what this reader may find: a members-only issue's year or 单位 is not shown to others.
        var years = await readable.Select(i => i.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var organizations = await db.Articles.AsNoTracking()
            .Where(a => a.AttributionOrganization != null && readable.Any(i => i.Id == a.IssueId))
            .Select(a => a.AttributionOrganization!).Distinct().ToListAsync(ct);
        organizations = AdministrativeOrder(organizations, await db.Organizations.AsNoTracking().ToListAsync(ct));
        var sections = await db.Sections.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var lists = new SearchFilterLists(sections, years, organizations);
        kept[slot] = new Kept(generation, now, lists);
        return lists;
    }

    /// <summary>
    /// 供稿单位 as the 单位 list has them — the region, each city followed by its counties — for names that are organisations
    /// of the tree; any other name after them, in pinyin order.
    /// </summary>
    private static List<string> AdministrativeOrder(List<string> names, List<Organization> all)
    {
        var place = Admin.Organizations.OrganizationTree.Flatten(all).Select((item, index) => (item.Organization.Name, index))
            .GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(x => x.index), StringComparer.Ordinal);
        return names.OrderBy(n => place.GetValueOrDefault(n, int.MaxValue)).ThenBy(n => n, ChineseOrder.Names).ToList();
    }

    private sealed record Kept(long Generation, DateTimeOffset ReadAt, SearchFilterLists Lists);
}
