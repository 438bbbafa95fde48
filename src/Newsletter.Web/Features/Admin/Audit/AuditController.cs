using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Audit;

/// <summary>操作日志: reads the append-only log, newest first, filtered by user, kind of object and China-time dates.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class AuditController(NewsletterDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var errors = new List<string>();
        var from = ParseDate(filter.From, "开始日期", errors);
        var to = ParseDate(filter.To, "结束日期", errors);
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("开始日期不能晚于结束日期。");
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            entries = entries.Where(e => e.UserName.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }

        if (errors.Count == 0 && from is { } start)
        {
            var startUtc = ChinaTimeFormat.StartOfDayUtc(start);
            entries = entries.Where(e => e.At >= startUtc);
        }

        if (errors.Count == 0 && to is { } end)
        {
            var endUtc = ChinaTimeFormat.StartOfDayUtc(end.AddDays(1));
            entries = entries.Where(e => e.At < endUtc);
        }

        if (errors.Count > 0)
        {
            errors.Add("已忽略日期条件，下面显示不按日期筛选的结果。");
        }

        var total = await entries.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var list = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var types = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(e => e).ToListAsync(ct);
        var ids = list.Where(e => AuditPage.PersonEntities.Contains(e.EntityType)).Select(e => e.EntityId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : $"{u.DisplayName}（{u.Email}）", ct);
        return View(new AuditPage(filter, errors, list, types, page, pages, total, people));
    }

    private static DateOnly? ParseDate(string? text, string label, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ChinaTimeFormat.TryParseDate(text, out var date))
        {
            return date;
        }

        errors.Add($"{label}“{text.Trim()}”不是有效的日期，请按 2023-05-06 的格式填写。");
        return null;
    }
}
