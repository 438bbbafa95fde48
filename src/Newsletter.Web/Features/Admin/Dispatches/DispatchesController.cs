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

    /// <summary>
    /// 重发失败: the failed recipients back in the queue — except an address that has since unsubscribed or been stopped after
    /// bounces, which is marked so and counted instead of being tried again.
    /// </summary>
    [HttpPost("{id:int}/retry-failed")]
    public async Task<IActionResult> RetryFailed(int id)
    {
        var failed = await db.DispatchRecipients.Where(r => r.DispatchId == id && r.Status == DeliveryStatus.Failed).ToListAsync();
        var organizationIds = failed.Select(r => r.OrganizationId).OfType<int>().Distinct().ToList();
        var contacts = await db.OrganizationContacts.AsNoTracking().Where(c => organizationIds.Contains(c.OrganizationId) && c.IsActive).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var (queued, skipped) = (0, 0);
        foreach (var recipient in failed)
        {
            var contact = contacts.FirstOrDefault(c => c.OrganizationId == recipient.OrganizationId && string.Equals(c.Email, recipient.Email, StringComparison.OrdinalIgnoreCase));
            var held = contact?.UnsubscribedAt is not null ? DeliveryStatus.Unsubscribed : contact?.StoppedAt is not null ? DeliveryStatus.Stopped : (DeliveryStatus?)null;
            (recipient.Status, recipient.Attempts, recipient.NextAttemptAt) = (held ?? DeliveryStatus.Pending, held is null ? 0 : recipient.Attempts, now);
            (queued, skipped) = held is null ? (queued + 1, skipped) : (queued, skipped + 1);
        }

        return await DoneAsync(id, "重发失败", skipped == 0
            ? $"{queued} 个失败的地址已重新排队发送。"
            : $"{queued} 个失败的地址已重新排队发送；{skipped} 个地址已退订或退信停发，不再重发。");
    }

    /// <summary>补发: a new dispatch of this issue to the checked recipients (a county that lost the mail, a failed address fixed).</summary>
    [HttpPost("{id:int}/resend-chosen")]
    public async Task<IActionResult> ResendChosen(int id, [FromForm] List<long> recipientIds, [FromServices] DistributionLists lists, CancellationToken ct)
    {
        var original = await db.Dispatches.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (original is null)
        {
            return this.NotFoundPage("没有这次发送。");
        }

        var made = ModelState.IsValid
            ? await lists.CreateResendAsync(original, recipientIds, HttpContext.ToActor().Name, ct)
            : Outcome<Dispatch>.Invalid("所选地址有误，这次没有补发。请刷新页面后重选。");
        if (made.Value is not { } resend)
        {
            return this.Finish(made, "", nameof(Details), new { id });
        }

        audit.Record(HttpContext.ToActor(), nameof(Dispatch), id, "补发", detail: string.Join("、", resend.Recipients.Select(r => r.Email)));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已补发给 {resend.Recipients.Count} 个地址，见下方这次补发的记录。";
        return RedirectToAction(nameof(Details), new { id = resend.Id });
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
