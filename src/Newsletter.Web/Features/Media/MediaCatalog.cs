using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Media;

/// <summary>
/// The sizes and variants of stored pictures, for the renderer. A row's sizes never change after upload, so what was
/// read once is kept; a purged row is forgotten. Unknown ids are asked for again each time (a picture just uploaded).
/// </summary>
public sealed class MediaCatalog(IServiceScopeFactory scopes) : IPictureCatalog
{
    private readonly ConcurrentDictionary<int, PictureEntry> known = new();

    public IReadOnlyDictionary<int, PictureEntry> Find(IReadOnlyCollection<int> ids)
    {
        var found = new Dictionary<int, PictureEntry>();
        var missing = new List<int>();
        foreach (var id in ids)
        {
            if (known.TryGetValue(id, out var entry))
            {
                found[id] = entry;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
            foreach (var file in db.MediaFiles.AsNoTracking().Where(m => missing.Contains(m.Id) && m.Kind == MediaKind.Picture).ToList())
            {
                found[file.Id] = known[file.Id] = new PictureEntry(file.Id, file.Width ?? 0, file.Height ?? 0, file.Extension, file.VariantNames);
            }
        }

        return found;
    }

    public void Forget(int id) => known.TryRemove(id, out _);
}
