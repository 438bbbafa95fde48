using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Shared;

/// <summary>What the layout prints on every page: the publication's name, its issuing body, the 内部资料 marking.</summary>
public sealed record SiteHeaderViewModel(string Name, string IssuingBody, bool MarkAsInternalMaterial, string InternalMaterialLine);

/// <summary>
/// The layout's header and footer, read once and kept until the reading pages are next evicted (a save that touches
/// the publication does that) or for as long as a cached page lives, so that another node's change shows as soon as
/// its pages would.
/// </summary>
public sealed class SiteHeader(
    IServiceScopeFactory scopes, ArchiveCacheInvalidator evictions, TimeProvider clock, IOptions<ArchiveCacheOptions> options)
{
    private Kept? kept;

    public async Task<SiteHeaderViewModel> ReadAsync(CancellationToken ct)
    {
        var generation = evictions.Generation; // read first: an eviction during the query makes the next call read again
        var now = clock.GetUtcNow();
        if (kept is { } k && k.Generation == generation && now - k.ReadAt < TimeSpan.FromSeconds(Math.Max(1, options.Value.Seconds)))
        {
            return k.Header;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Publication.SingletonId, ct)
            ?? new Publication();
        var header = new SiteHeaderViewModel(publication.Name, publication.IssuingBody, publication.MarkAsInternalMaterial, publication.InternalMaterialLine);
        kept = new Kept(generation, now, header);
        return header;
    }

    private sealed record Kept(long Generation, DateTimeOffset ReadAt, SiteHeaderViewModel Header);
}
