using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Search.Vocabulary;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Search;

/// <summary>The 同义词与简称 textarea: one group a line, its forms joined by “=”.</summary>
public sealed class SynonymsForm
{
    public const int MaxLines = 500;

    [StringLength(SearchSynonym.MaxLength * MaxLines, ErrorMessage = "同义词表太长。")]
    [Display(Name = "同义词与简称（每行一组，用“=”隔开，如：计生协=计划生育协会）")]
    public string? Lines { get; set; }
}

/// <summary>
/// The search's synonym list, replaced whole from the admin page. Applied to queries, not to the index, so a change
/// is searchable at once on this node (and on the others at their next reading of the vocabulary) without a reindex.
/// </summary>
public sealed class SynonymList(NewsletterDbContext db, SearchVocabulary vocabulary, AuditLog audit, ArchiveCacheInvalidator cache)
{
    public async Task<string> TextAsync(CancellationToken ct = default) =>
        string.Join("\n", await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Words).ToListAsync(ct));

    /// <summary>Replaces the list by the lines (blank lines ignored), or says which lines are wrong and changes nothing.</summary>
    public async Task<Outcome<int>> ReplaceAsync(string? text, Actor actor, CancellationToken ct = default)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length > SynonymsForm.MaxLines)
        {
            return Outcome<int>.Invalid($"同义词表最多 {SynonymsForm.MaxLines} 行，现在有 {lines.Length} 行。");
        }

        var results = lines.Select((line, i) => (Line: i + 1, Result: SearchSynonym.Normalize(line))).ToList();
        var errors = results.Where(r => !r.Result.Succeeded).Select(r => $"第 {r.Line} 行：{r.Result.Message}").ToList();
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var words = results.Select(r => r.Result.Value!).Distinct().ToList();
        var before = await db.SearchSynonyms.ToListAsync(ct);
        db.SearchSynonyms.RemoveRange(before);
        db.SearchSynonyms.AddRange(words.Select(w => new SearchSynonym { Words = w }));
        audit.Record(actor, "SearchSynonym", "all", "修改同义词表", detail: $"{before.Count} 组 → {words.Count} 组");
        await db.SaveChangesAsync(ct);
        await vocabulary.RefreshAsync(db, ct);
        cache.EvictAll();
        return Outcome.Ok(words.Count);
    }
}
