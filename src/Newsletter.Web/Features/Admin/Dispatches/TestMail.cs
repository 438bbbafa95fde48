using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// 发送测试邮件: the issue's mail exactly as the recipients will get it (pictures, signature, rate limit), sent at once to the
/// signed-in editor's own address only. It is not a dispatch: no recipient rows, nothing on the dispatch pages, no one on the
/// 送/发 lists receives it; the audit log records who sent which issue where.
/// </summary>
public sealed class TestMail(
    NewsletterDbContext db, IMailSender sender, IOptions<MailOptions> options, MailPictures pictures, DkimSigning dkim,
    SendRateLimiter limiter, AuditLog audit, ILogger<TestMail> logger)
{
    /// <summary>What the subject starts with, so that nobody takes the test for the issue itself.</summary>
    public const string SubjectMark = "【测试】";

    /// <summary>Sends the test; the outcome's value is the address it went to.</summary>
    public async Task<Outcome<string>> SendAsync(int issueId, Actor actor, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().Include(i => i.Articles).ThenInclude(a => a.Section).AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == issueId, ct);
        if (issue is null)
        {
            return Outcome<string>.Refused(Outcome.NotFound("没有找到这一期。"));
        }

        var email = actor.UserId is null ? null : await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            return Outcome<string>.Invalid("您的账号没有登记有效的邮箱，测试邮件无处可发。请管理员在“用户”页为您的账号填写邮箱。");
        }

        var publication = await db.Publications.AsNoTracking().FirstAsync(ct);
        var mail = IssueMail.For(issue, publication, options.Value.PortalUrl,
            await pictures.LeadPicturesAsync(issue, publication, options.Value.PortalUrl, ct), options.Value.ContactLine);
        var recipient = new DispatchRecipient
        {
            OrganizationName = actor.Name, Email = email,
            MessageId = string.Create(CultureInfo.InvariantCulture,
                $"test-{issue.Id}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}@{options.Value.MessageIdDomain()}"),
        };
        var message = mail.ToMessage(options.Value.From, recipient, preface:
            $"这是发给您本人（{email}）的测试邮件，送、发名单上的单位不会收到，也不计入发送记录。正式发送时，每封邮件末尾有收件人自己的退订链接。");
        message.Subject = SubjectMark + message.Subject;
        dkim.Sign(message);

        var slot = await limiter.WaitAsync(ct);
        try
        {
            await using var session = await sender.OpenAsync(ct);
            await session.SendAsync(message, ct);
        }
        catch (MailDeliveryException ex)
        {
            limiter.Return(slot);
            logger.LogWarning("Test mail of issue {Issue} to {Email} failed: {Reply}", issue.Id, email, ex.Message);
            return Outcome<string>.Invalid($"测试邮件没有发出：{ex.Message}");
        }

        audit.Record(actor, nameof(Issue), issue.Id, "发送测试邮件", detail: $"{issue.FullLabel} → {email}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(email);
    }
}
