using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Words;

/// <summary>错敏词表: list, add one, add many (one a line), delete. Every change is audited.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/words")]
public sealed class SensitiveWordsController(NewsletterDbContext db, AuditLog audit, TimeProvider clock) : Controller
{
    private const string Entity = "SensitiveWord";
    private const int ListedInMessage = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new WordForm(), new BulkWordsForm(), ct));

    [HttpPost("add")]
    public async Task<IActionResult> Add([Bind(Prefix = "Add")] WordForm form, CancellationToken ct)
    {
        var word = (form.Word ?? "").Trim();
        if (ModelState.IsValid && (await ExistingAsync(ct)).Contains(word))
        {
            ModelState.AddModelError("Add.Word", $"“{word}”已在词表中。");
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(form, new BulkWordsForm(), ct));
        }

        if (!await SaveAsync([(word, Clean(form.Suggestion))], null, ct))
        {
            ModelState.AddModelError("Add.Word", $"“{word}”已在词表中。");
            return View(nameof(Index), await PageAsync(form, new BulkWordsForm(), ct));
        }

        TempData["Message"] = $"已添加“{word}”。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([Bind(Prefix = "Bulk")] BulkWordsForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(new WordForm(), form, ct));
        }

        var (parsed, tooLong) = WordLines.Parse(form.Lines);
        var existing = await ExistingAsync(ct);
        var fresh = new List<(string Word, string? Suggestion)>();
        var duplicates = new List<string>();
        foreach (var item in parsed)
        {
            if (existing.Add(item.Word))
            {
                fresh.Add(item);
            }
            else
            {
                duplicates.Add(item.Word);
            }
        }

        if (fresh.Count > 0 && !await SaveAsync(fresh, "批量添加", ct))
        {
            ModelState.AddModelError("Bulk.Lines", "提交期间别人也添加了其中的词，这次一个也没有添加。请重新提交。");
            return View(nameof(Index), await PageAsync(new WordForm(), form, ct));
        }

        var message = $"已添加 {fresh.Count} 个错敏词。";
        message += duplicates.Count > 0 ? $"已在词表中而跳过 {duplicates.Count} 个：{List(duplicates)}。" : "";
        message += tooLong.Count > 0 ? $"超过 {WordLines.MaxLength} 个字而未添加 {tooLong.Count} 个：{List(tooLong)}。" : "";
        TempData["Message"] = message;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var word = await db.SensitiveWords.FindAsync([id], ct);
        if (word is null)
        {
            return this.NotFoundPage("没有这个错敏词，它可能已被删除。");
        }

        db.SensitiveWords.Remove(word);
        audit.Record(HttpContext.ToActor(), Entity, word.Id, "删除错敏词", detail: Describe(word.Word, word.Suggestion));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已删除“{word.Word}”。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<WordsPage> PageAsync(WordForm add, BulkWordsForm bulk, CancellationToken ct) =>
        new((await db.SensitiveWords.AsNoTracking().ToListAsync(ct)).OrderBy(w => w.Word, ChineseOrder.Names).ToList(), add, bulk);

    /// <summary>Words already in the list, compared the same way on SQLite and SQL Server (ignoring case).</summary>
    private async Task<HashSet<string>> ExistingAsync(CancellationToken ct) =>
        (await db.SensitiveWords.Select(w => w.Word).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds the words and their audit entries in one transaction (the entries need the new ids). False, with nothing
    /// added, when another request added one of the words after this one's check.
    /// </summary>
    private async Task<bool> SaveAsync(IReadOnlyList<(string Word, string? Suggestion)> items, string? note, CancellationToken ct)
    {
        var actor = HttpContext.ToActor();
        try
        {
            await SaveAllAsync(items, note, actor, ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task SaveAllAsync(IReadOnlyList<(string Word, string? Suggestion)> items, string? note, Actor actor, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var words = items.Select(i => new SensitiveWord { Word = i.Word, Suggestion = i.Suggestion, CreatedAt = now }).ToList();
            db.SensitiveWords.AddRange(words);
            await db.SaveChangesAsync(ct);
            foreach (var word in words)
            {
                var detail = Describe(word.Word, word.Suggestion);
                audit.Record(actor, Entity, word.Id, "添加错敏词", detail: note is null ? detail : $"{note}：{detail}");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    private static string Describe(string word, string? suggestion) => suggestion is null ? word : $"{word}（建议改为：{suggestion}）";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string List(IReadOnlyList<string> words) =>
        string.Join("、", words.Take(ListedInMessage)) + (words.Count > ListedInMessage ? " 等" : "");
}
