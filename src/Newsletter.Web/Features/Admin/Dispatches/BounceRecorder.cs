using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Records hard bounces — a 5xx refusal of the address at send time, or a permanent delivery-status report that came back
/// later — on the organisation's address, and stops the address (退信停发, audited) after <c>Mail:Bounces:StopAfter</c> of them.
/// A successful send does not reset the count: a relay accepts everything and bounces later (see decision 0014). When the
/// stopped address was an organisation's last one, the administrators are told (desk badge and mail), as for an unsubscribe
/// (no notifier in the dispatch benchmark).
/// </summary>
public sealed class BounceRecorder(
    NewsletterDbContext db, AuditLog audit, IOptions<MailOptions> options, TimeProvider clock, ILogger<BounceRecorder> logger, Notifications.Notifier? notifier = null)
{
    public static readonly Actor System = new(null, "系统（退信处理）", new HashSet<string> { Roles.System });

    /// <summary>Counts a hard bounce for the address of that organisation; returns whether it is now stopped.</summary>
    public async Task<bool> HardBounceAsync(int? organizationId, string email, string reason, CancellationToken ct)
    {
        if (organizationId is null)
        {
            logger.LogWarning("Hard bounce for {Email} of a removed organisation: nothing to mark ({Reason})", email, reason);
            return false;
        }

        // Atomic updates: the dispatch workers and the bounce reader may count for the same address at the same moment.
        var lower = email.ToLowerInvariant();
        var matching = db.OrganizationContacts.Where(c => c.OrganizationId == organizationId && c.Email.ToLower() == lower);
        var now = clock.GetUtcNow().UtcDateTime;
        var last = Truncate(reason);
        await matching.ExecuteUpdateAsync(u => u.SetProperty(c => c.HardBounces, c => c.HardBounces + 1)
            .SetProperty(c => c.LastBounce, last).SetProperty(c => c.LastBounceAt, now), ct);

        var limit = Math.Max(1, options.Value.Bounces.StopAfter);
        var due = await matching.Where(c => c.StoppedAt == null && c.HardBounces >= limit).Select(c => new { c.Id, c.Email, c.HardBounces }).ToListAsync(ct);
        var stopped = false;
        foreach (var contact in due)
        {
            if (await db.OrganizationContacts.Where(c => c.Id == contact.Id && c.StoppedAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.StoppedAt, now), ct) == 1)
            {
                stopped = true;
                audit.Record(System, nameof(OrganizationContact), contact.Id, "退信停发", "正常", "退信停发",
                    $"{contact.Email}：累计 {contact.HardBounces} 次退信，最后一次：{last}");
                logger.LogWarning("Address {Email} stopped after {Count} hard bounces", contact.Email, contact.HardBounces);
            }
        }

        await db.SaveChangesAsync(ct);
        if (stopped && notifier is not null && await Shared.AddressAlertBadgeViewComponent.WithoutAddress(db).FirstOrDefaultAsync(o => o.Id == organizationId, ct) is { } left)
        {
            await notifier.OrganizationWithoutAddressAsync(left, $"{email} 多次退信，已退信停发", System);
        }

        return stopped;
    }

    /// <summary>
    /// Applies a delivery-status report: a permanent failure marks the recipient 已退信 and counts a hard bounce (once per
    /// recipient, however often the report arrives); a delay is only logged; a report for no message of ours is ignored and logged.
    /// </summary>
    public async Task ApplyAsync(BounceReport report, string source, CancellationToken ct)
    {
        var recipient = report.MessageId is null ? null
            : await db.DispatchRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.MessageId == report.MessageId, ct);
        if (recipient is null)
        {
            logger.LogWarning("Bounce report {Source} matches no message the portal sent (Message-ID {MessageId}, {Recipient}); ignored",
                source, report.MessageId ?? "none", report.Recipient ?? "unknown");
            return;
        }

        if (!report.Permanent)
        {
            logger.LogInformation("Delivery to {Email} (recipient {Id}) is delayed: {Status} {Diagnostic}", recipient.Email, recipient.Id, report.Status, report.Diagnostic);
            return;
        }

        // Once per recipient: a second copy of the report (or one for a recipient refused at send time) finds it no longer Sent.
        var reason = Truncate($"退信 {report.Status}：{report.Diagnostic ?? "对方邮件服务器报告无法投递"}");
        var marked = await db.DispatchRecipients.Where(r => r.Id == recipient.Id && (r.Status == DeliveryStatus.Sent || r.Status == DeliveryStatus.Unknown))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, DeliveryStatus.Bounced).SetProperty(r => r.LastError, reason), ct);
        if (marked == 0)
        {
            logger.LogInformation("Bounce report {Source} for recipient {Id} already {Status}; nothing more to do", source, recipient.Id, recipient.Status);
            return;
        }

        logger.LogWarning("Recipient {Id} ({Email}) bounced: {Reason}", recipient.Id, recipient.Email, reason);
        await HardBounceAsync(recipient.OrganizationId, recipient.Email, reason, ct);
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] : text;
}
