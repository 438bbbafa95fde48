using Microsoft.Extensions.Options;
using MimeKit;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.Web.Features.Account;

/// <summary>The reset and activation mails, sent through the portal's mail sender (SMTP, or the pickup folder).</summary>
public sealed class AccountMail(IMailSender sender, IOptions<MailOptions> mail, ILogger<AccountMail> log)
{
    public string PortalUrl => mail.Value.PortalUrl.TrimEnd('/');

    /// <summary>Sends one message; a failure is logged and reported as false (the caller's page must not change for it).</summary>
    public async Task<bool> SendAsync(ApplicationUser user, string subject, string body, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? user.UserName ?? ""));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        try
        {
            await using var session = await sender.OpenAsync(ct);
            await session.SendAsync(message, ct);
            return true;
        }
        catch (MailDeliveryException ex)
        {
            log.LogWarning(ex, "账号邮件“{Subject}”未能发给 {UserId}：{Reason}", subject, user.Id, ex.Message);
            return false;
        }
    }
}
