using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Search.Vocabulary;

/// <summary>
/// The words a query is understood with: Guangxi's place names (embedded), the people named in bylines and
/// correspondent lines, and the administrators' synonym list (both from the database). One immutable
/// <see cref="WordList"/>, replaced whole on refresh, so a search reads it without a lock. Applied at query
/// time only: changing a synonym needs no reindex (decision 0016).
/// </summary>
public sealed class SearchVocabulary
{
    private volatile WordList current = WordList.Create([], []);

    public WordList Current => current;

    public void Replace(IEnumerable<string> synonymLines, IEnumerable<string> names) => current = WordList.Create(synonymLines, names);

    /// <summary>Reads the synonym list and the names of published articles' authors and correspondents again.</summary>
    public async Task RefreshAsync(NewsletterDbContext db, CancellationToken ct = default)
    {
        var synonyms = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Words).ToListAsync(ct);
        var people = await db.Articles.AsNoTracking()
            .Where(a => a.Issue != null && a.Issue.Status == IssueStatus.Published && (a.Correspondents != null || a.AuthorName != null))
            .Select(a => new { a.Correspondents, a.AuthorName }).Distinct().ToListAsync(ct);
        var names = people.SelectMany(p => new[] { p.Correspondents, p.AuthorName })
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => n!.Split(['、', '，', ',', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .SelectMany(ChineseQuery.Words);
        Replace(synonyms, names);
    }
}
