using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Dispatches;

public sealed record DispatchSummary(Dispatch Dispatch, string IssueLabel, IReadOnlyDictionary<DeliveryStatus, int> Counts);

public sealed record DispatchPageViewModel(DispatchSummary Summary, IReadOnlyList<DispatchRecipient> Recipients, string Sender);

/// <summary>What was delivered: each dispatch with its counts and each recipient's state; 重发失败 and decisions on 状态不明.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/dispatches")]
public sealed class DispatchesController(NewsletterDbContext db, AuditLog audit, IMailSender sender, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var dispatches = await db.Dispatches.AsNoTracking().Include(d => d.Issue).OrderByDescending(d => d.Id).Take(100).ToListAsync();
        var ids = dispatches.Select(d => d.Id).ToList();
        var counts = await db.DispatchRecipients.Where(r => ids.Contains(r.DispatchId))
            .GroupBy(r => new { r.DispatchId, r.Status }).Select(g => new { g.Key.DispatchId, g.Key.Status, Count = g.Count() }).ToListAsync();
        return View(dispatches.Select(d => new DispatchSummary(d, d.Issue!.FullLabel,
            counts.Where(c => c.DispatchId == d.Id).ToDictionary(c => c.Status, c => c.Count))).ToList());
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var dispatch = await db.Dispatches.AsNoTracking().Include(d => d.Issue).FirstOrDefaultAsync(d => d.Id == id);
        if (dispatch is null)
        {
            return this.NotFoundPage("没有这次发送。");
        }

        var recipients = await db.DispatchRecipients.AsNoTracking().Where(r => r.DispatchId == id).OrderBy(r => r.Group).ThenBy(r => r.Id).ToListAsync();
        var counts = recipients.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return View(new DispatchPageViewModel(new DispatchSummary(dispatch, dispatch.Issue!.FullLabel, counts), recipients, sender.Description));
    }

    [HttpPost("{id:int}/retry-failed")]
    public async Task<IActionResult> RetryFailed(int id)
    {
        var count = await db.DispatchRecipients.Where(r => r.DispatchId == id && r.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, DeliveryStatus.Pending).SetProperty(r => r.Attempts, 0)
                .SetProperty(r => r.NextAttemptAt, clock.GetUtcNow().UtcDateTime));
        return await DoneAsync(id, "重发失败", $"{count} 个失败的地址已重新排队发送。");
    }

    [HttpPost("{id:int}/recipients/{recipientId:long}/resend")]
    public Task<IActionResult> Resend(int id, long recipientId) =>
        DecideAsync(id, recipientId, DeliveryStatus.Pending, "重发状态不明的地址", "已重新排队发送（对方可能会收到两封）。");

    [HttpPost("{id:int}/recipients/{recipientId:long}/mark-sent")]
    public Task<IActionResult> MarkSent(int id, long recipientId) =>
        DecideAsync(id, recipientId, DeliveryStatus.Sent, "确认状态不明的地址已收到", "已标记为已发送。");

    private async Task<IActionResult> DecideAsync(int id, long recipientId, DeliveryStatus to, string action, string message)
    {
        var changed = await db.DispatchRecipients.Where(r => r.Id == recipientId && r.DispatchId == id && r.Status == DeliveryStatus.Unknown)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, to).SetProperty(r => r.NextAttemptAt, clock.GetUtcNow().UtcDateTime));
        if (changed == 0)
        {
            return this.NotFoundPage("没有这个状态不明的地址。");
        }

        return await DoneAsync(id, action, message, recipientId);
    }

    private async Task<IActionResult> DoneAsync(int id, string action, string message, long? recipientId = null)
    {
        if (!await db.Dispatches.AnyAsync(d => d.Id == id))
        {
            return this.NotFoundPage("没有这次发送。");
        }

        audit.Record(HttpContext.ToActor(), nameof(Dispatch), id, action, detail: recipientId is null ? message : $"收件记录 {recipientId}：{message}");
        await db.SaveChangesAsync();
        TempData["Message"] = message;
        return RedirectToAction(nameof(Details), new { id });
    }
}
