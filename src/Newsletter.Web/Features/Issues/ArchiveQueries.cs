using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Issues;

/// <summary>
/// Reads what a reader may see: published issues that are public, or members-only ones for
/// signed-in users. Every query is no-tracking; nothing here writes.
/// </summary>
public sealed class ArchiveQueries(NewsletterDbContext db)
{
    public async Task<Publication> PublicationAsync(CancellationToken ct) =>
        await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Publication.SingletonId, ct) ?? new Publication();

    public async Task<IQueryable<Issue>> ReadableIssuesAsync(bool signedIn, CancellationToken ct)
    {
        var publication = await PublicationAsync(ct);
        var defaultPublic = publication.DefaultVisibility == IssueVisibility.Public;
        var published = db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Published);
        return signedIn
            ? published
            : published.Where(i => i.Visibility == IssueVisibility.Public || (i.Visibility == null && defaultPublic));
    }

    public async Task<List<Issue>> LatestIssuesAsync(bool signedIn, int count, CancellationToken ct) =>
        await Newest(await ReadableIssuesAsync(signedIn, ct)).Take(count).ToListAsync(ct);

    public async Task<List<YearCount>> YearsAsync(bool signedIn, CancellationToken ct) =>
        await (await ReadableIssuesAsync(signedIn, ct))
            .GroupBy(i => i.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearCount(g.Key, g.Count()))
            .ToListAsync(ct);

    public async Task<List<Issue>> IssuesOfYearAsync(int year, bool signedIn, CancellationToken ct) =>
        await (await ReadableIssuesAsync(signedIn, ct))
            .Where(i => i.Year == year)
            .OrderBy(i => i.IsSupplement).ThenBy(i => i.Number)
            .ToListAsync(ct);

    /// <summary>The issue with its articles and their sections and its 更正, or null when it is not readable.</summary>
    public async Task<Issue?> IssueAsync(int year, int number, bool supplement, bool signedIn, CancellationToken ct) =>
        await (await ReadableIssuesAsync(signedIn, ct))
            .Include(i => i.Articles).ThenInclude(a => a.Section).Include(i => i.Corrections)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Year == year && i.Number == number && i.IsSupplement == supplement, ct);

    public async Task<Issue?> IssueWithArticlesAsync(int issueId, bool signedIn, CancellationToken ct) =>
        await (await ReadableIssuesAsync(signedIn, ct))
            .Include(i => i.Articles).ThenInclude(a => a.Section)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == issueId, ct);

    public async Task<Article?> ArticleAsync(int id, bool signedIn, CancellationToken ct)
    {
        var issues = await ReadableIssuesAsync(signedIn, ct);
        return await db.Articles.AsNoTracking()
            .Include(a => a.Section).Include(a => a.Corrections)
            .FirstOrDefaultAsync(a => a.Id == id && issues.Any(i => i.Id == a.IssueId), ct);
    }

    /// <summary>
    /// Why an issue that is not readable is not: withdrawn (readers see the reason), members-only
    /// (anonymous readers are sent to sign in), or not there at all.
    /// </summary>
    public async Task<(Issue? Withdrawn, Issue? MembersOnly)> WhyHiddenAsync(Func<IQueryable<Issue>, IQueryable<Issue>> which, CancellationToken ct)
    {
        var issue = await which(db.Issues.AsNoTracking())
            .Where(i => i.Status == IssueStatus.Published || i.Status == IssueStatus.Withdrawn)
            .FirstOrDefaultAsync(ct);
        return issue?.Status == IssueStatus.Withdrawn ? (issue, null) : (null, issue);
    }

    /// <summary>The attachments listed under an article (not removed), in upload order.</summary>
    public Task<List<MediaFile>> AttachmentsAsync(int articleId, CancellationToken ct) =>
        db.MediaFiles.AsNoTracking()
            .Where(m => m.ArticleId == articleId && m.Kind == MediaKind.Attachment && m.RemovedAt == null)
            .OrderBy(m => m.Id).ToListAsync(ct);

    public Task<int?> IssueIdOfArticleAsync(int articleId, CancellationToken ct) =>
        db.Articles.Where(a => a.Id == articleId).Select(a => a.IssueId).FirstOrDefaultAsync(ct);

    public async Task<List<Section>> SectionsAsync(CancellationToken ct) =>
        await db.Sections.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct);

    public async Task<Section?> SectionAsync(string slug, CancellationToken ct) =>
        await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);

    /// <summary>One page of a section's published items, newest issue first.</summary>
    public async Task<(List<Article> Items, int Total)> SectionArticlesAsync(
        int sectionId, int page, int pageSize, bool signedIn, CancellationToken ct)
    {
        var issues = await ReadableIssuesAsync(signedIn, ct);
        var query = db.Articles.AsNoTracking()
            .Where(a => a.SectionId == sectionId && issues.Any(i => i.Id == a.IssueId));
        var total = await query.CountAsync(ct);
        var items = await query.Include(a => a.Issue)
            .OrderByDescending(a => a.Issue!.Year).ThenByDescending(a => a.Issue!.CoverMonth)
            .ThenByDescending(a => a.Issue!.Number).ThenBy(a => a.Position)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return (items, total);
    }

    private static IQueryable<Issue> Newest(IQueryable<Issue> issues) =>
        issues.OrderByDescending(i => i.Year).ThenByDescending(i => i.CoverMonth).ThenByDescending(i => i.Number);
}

public sealed record YearCount(int Year, int Issues);
