using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// Keeps this node's index in step with the database: builds it when missing, and applies the search
/// outbox entries it has not seen yet (each node has its own index and its own position).
/// </summary>
public sealed class SearchIndexer(NewsletterDbContext db, ISearchIndex index, MarkdownRenderer markdown, ILogger<SearchIndexer> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Issues loaded per query during a rebuild (an issue has a few dozen articles).</summary>
    private const int RebuildBatch = 20;

    /// <summary>Builds the index when this node has none (or one of another field layout); true when it built one.</summary>
    public async Task<bool> EnsureBuiltAsync(CancellationToken ct = default)
    {
        if (index.Exists)
        {
            return false;
        }

        await RebuildAsync(ct);
        return true;
    }

    /// <summary>Indexes every published article again; returns how many.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var position = await db.SearchOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            var publication = await db.Publications.AsNoTracking().FirstAsync(ct);
            var ids = await db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Published)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
            index.Rebuild(Stream(ids, publication, ct), position);
            var count = index.DocumentCount;
            logger.LogInformation("Search index rebuilt: {Count} articles from {Issues} issues", count, ids.Count);
            return count;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>
    /// The published issues' documents, loaded a batch of issues at a time so a rebuild never holds the whole
    /// archive in memory. Enumerated by one thread at a time (the index takes documents one by one).
    /// </summary>
    private IEnumerable<SearchDocument> Stream(List<int> ids, Publication publication, CancellationToken ct)
    {
        foreach (var batch in ids.Chunk(RebuildBatch))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var issue in PublishedIssues().Where(i => batch.Contains(i.Id)).OrderBy(i => i.Id).ToList())
            {
                foreach (var document in Documents(issue, publication))
                {
                    yield return document;
                }
            }
        }
    }

    /// <summary>Applies pending outbox entries; returns how many issues were re-indexed.</summary>
    public async Task<int> ApplyPendingAsync(CancellationToken ct = default)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            if (!index.Exists)
            {
                // Not built yet: the build will include these changes, and a partial index must not count as built.
                return 0;
            }

            var position = index.Position;
            var entries = await db.SearchOutbox.AsNoTracking().Where(e => e.Id > position)
                .OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (entries.Count == 0)
            {
                return 0;
            }

            var ids = entries.Select(e => e.IssueId).Distinct().ToList();
            var publication = await db.Publications.AsNoTracking().FirstAsync(ct);
            var published = await PublishedIssues().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
            var changes = ids.ToDictionary(id => id, id =>
                (IReadOnlyList<SearchDocument>)(published.FirstOrDefault(i => i.Id == id) is { } issue ? Documents(issue, publication).ToList() : []));
            index.ReplaceIssues(changes, entries[^1].Id);
            return ids.Count;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    public Task<int> PendingAsync(CancellationToken ct = default)
    {
        var position = index.Exists ? index.Position : 0;
        return db.SearchOutbox.CountAsync(e => e.Id > position, ct);
    }

    /// <summary>Sorts newest issue first and, within an issue, in 目录 order.</summary>
    private static long DateKey(int day, Article a) => (day * 100_000L) + (99_999 - ((a.Section!.SortOrder * 100) + a.Position));

    private IQueryable<Issue> PublishedIssues() =>
        db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Published)
            .Include(i => i.Articles).ThenInclude(a => a.Section).AsSplitQuery();

    private IEnumerable<SearchDocument> Documents(Issue issue, Publication publication)
    {
        var isPublic = issue.EffectiveVisibility(publication) == IssueVisibility.Public;
        var date = issue.PrintDate?.DayNumber ?? new DateOnly(issue.Year, Math.Clamp(issue.CoverMonth, 1, 12), 1).DayNumber;
        return issue.Articles.Where(a => a.Section is not null).Select(a => new SearchDocument(
            a.Id, issue.Id, a.Title, markdown.ToPlainText(a.Body), a.Section!.Id, a.Section.Name, issue.Year, issue.FullLabel,
            a.AttributionOrganization, a.Correspondents, a.AuthorName, isPublic, DateKey(date, a), ArchiveUrls.Issue(issue)));
    }
}
