using System.Text.RegularExpressions;
using MimeKit;

namespace Newsletter.IntegrationTests.Features.Account;

/// <summary>Reads the account mails the test SMTP server received: the link in them, as a path the test client can open.</summary>
public static partial class AccountMailbox
{
    public static MimeMessage[] To(this TestSmtpServer smtp, string address) =>
        smtp.Messages.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase))).ToArray();

    /// <summary>The /account/reset or /account/activate link of the single message to <paramref name="address"/>.</summary>
    public static string LinkTo(this TestSmtpServer smtp, string address, string kind)
    {
        var message = Assert.Single(smtp.To(address));
        var match = Link().Match(message.TextBody ?? "");
        Assert.True(match.Success, message.TextBody);
        Assert.Equal(kind, match.Groups["kind"].Value);
        return match.Groups["path"].Value;
    }

    [GeneratedRegex(@"http://portal\.test(?<path>/account/(?<kind>reset|activate)\?user=[^&\s]+&token=[A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
