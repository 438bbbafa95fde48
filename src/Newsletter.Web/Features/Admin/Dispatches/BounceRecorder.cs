using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Records hard bounces — a 5xx refusal of the address at send time, or a permanent delivery-status report that came back
/// later — on the organisation's address, and stops the address (退信停发, audited) after <c>Mail:Bounces:StopAfter</c> of them.
/// A successful send does not reset the count: a relay accepts everything and bounces later (see decision 0014).
/// </summary>
public sealed class BounceRecorder(NewsletterDbContext db, AuditLog audit, IOptions<MailOptions> options, TimeProvider clock, ILogger<BounceRecorder> logger)
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

        var lower = email.ToLowerInvariant();
        var contacts = await db.OrganizationContacts.Where(c => c.OrganizationId == organizationId && c.Email.ToLower() == lower).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var stopped = false;
        foreach (var contact in contacts)
        {
            contact.HardBounces++;
            contact.LastBounce = reason is { Length: > 1000 } ? reason[..1000] : reason;
            contact.LastBounceAt = now;
            if (contact.StoppedAt is null && contact.HardBounces >= Math.Max(1, options.Value.Bounces.StopAfter))
            {
                contact.StoppedAt = now;
                stopped = true;
                audit.Record(System, nameof(OrganizationContact), contact.Id, "退信停发", "正常", "退信停发",
                    $"{contact.Email}：累计 {contact.HardBounces} 次退信，最后一次：{contact.LastBounce}");
                logger.LogWarning("Address {Email} stopped after {Count} hard bounces", contact.Email, contact.HardBounces);
            }
        }

        await db.SaveChangesAsync(ct);
        return stopped;
    }

    /// <summary>
    /// Applies a delivery-status report: a permanent failure marks the recipient 已退信 and counts a hard bounce (once per
    /// recipient, however often the report arrives); a delay is only logged; a report for no message of ours is ignored and logged.
    /// </summary>
    public async Task ApplyAsync(BounceReport report, string source, CancellationToken ct)
    {
        var recipient = report.MessageId is null ? null
            : await db.DispatchRecipients.SingleOrDefaultAsync(r => r.MessageId == report.MessageId, ct);
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

        if (recipient.Status is not (DeliveryStatus.Sent or DeliveryStatus.Unknown))
        {
            logger.LogInformation("Bounce report {Source} for recipient {Id} already {Status}; nothing more to do", source, recipient.Id, recipient.Status);
            return;
        }

        var reason = $"退信 {report.Status}：{report.Diagnostic ?? "对方邮件服务器报告无法投递"}";
        recipient.Status = DeliveryStatus.Bounced;
        recipient.LastError = reason is { Length: > 1000 } ? reason[..1000] : reason;
        logger.LogWarning("Recipient {Id} ({Email}) bounced: {Reason}", recipient.Id, recipient.Email, reason);
        await HardBounceAsync(recipient.OrganizationId, recipient.Email, reason, ct);
    }
}
