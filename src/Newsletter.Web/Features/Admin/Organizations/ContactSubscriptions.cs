using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// 已退订 and 退信停发 addresses as administrators see them: re-subscribing one (administrators only, with a reason in the audit
/// log, because the recipient asked to stop). The organisations left without an address: <c>AddressAlertBadgeViewComponent.WithoutAddress</c>.
/// </summary>
public sealed class ContactSubscriptions(NewsletterDbContext db, AuditLog audit)
{
    public const string ReasonRequired = "请填写重新订阅的原因（例如：对方来电要求恢复接收）。";

    public async Task<Outcome> ResubscribeAsync(int organizationId, int contactId, string? reason, Actor actor, CancellationToken ct)
    {
        var contact = await db.OrganizationContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.OrganizationId == organizationId, ct);
        if (contact is null)
        {
            return Outcome.NotFound("这个单位没有这个邮箱。");
        }

        if (contact.UnsubscribedAt is null)
        {
            return Outcome.Conflict($"{contact.Email} 没有退订，无需重新订阅。");
        }

        if (WhyNot(ref reason, ReasonRequired) is { } refused)
        {
            return refused;
        }

        contact.UnsubscribedAt = null;
        audit.Record(actor, OrganizationService.Entity, organizationId, "重新订阅邮箱", "已退订", "正常", detail: $"{contact.Email}：{reason}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public const string ResumeReasonRequired = "请填写恢复发送的原因（例如：对方已修好邮箱）。";

    /// <summary>
    /// 恢复发送: an address stopped after hard bounces is tried again (the county fixed its mailbox); its bounce count starts
    /// afresh, so the next bounces are counted from zero. Administrators only, with a reason in the audit log.
    /// </summary>
    public async Task<Outcome> ResumeAsync(int organizationId, int contactId, string? reason, Actor actor, CancellationToken ct)
    {
        var contact = await db.OrganizationContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.OrganizationId == organizationId, ct);
        if (contact is null)
        {
            return Outcome.NotFound("这个单位没有这个邮箱。");
        }

        if (contact.StoppedAt is null)
        {
            return Outcome.Conflict($"{contact.Email} 没有被退信停发，无需恢复。");
        }

        if (WhyNot(ref reason, ResumeReasonRequired) is { } refused)
        {
            return refused;
        }

        (contact.StoppedAt, contact.HardBounces) = (null, 0);
        audit.Record(actor, OrganizationService.Entity, organizationId, "恢复发送邮箱", "退信停发", "正常", detail: $"{contact.Email}：{reason}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The reason an administrator gives, trimmed: required, at most 500 characters.</summary>
    private static Outcome? WhyNot(ref string? reason, string required)
    {
        reason = reason?.Trim();
        return string.IsNullOrEmpty(reason) ? Outcome.Invalid(required)
            : reason.Length > 500 ? Outcome.Invalid("原因不能超过 500 个字。")
            : null;
    }
}
