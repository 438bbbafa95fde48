using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>Who an unsubscribe link is for: the organisation the mail was addressed to and the address.</summary>
public sealed record UnsubscribeRequest(int OrganizationId, string Email);

/// <summary>
/// The personal token in each mail's unsubscribe link: the organisation and address, signed and encrypted with the portal's
/// Data Protection keys (kept in the database, so every node reads it) and expiring after <see cref="MailOptions.UnsubscribeLinkDays"/>.
/// A bare id would let anyone unsubscribe anyone. It lives beside the mail that carries it (not in Features/Unsubscribe) so the
/// sending code does not depend on the page that answers it.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, IOptions<MailOptions> options, TimeProvider clock)
{
    /// <summary>The Data Protection purpose: a token made for anything else (a cookie, a form token) is refused.</summary>
    public const string Purpose = "Newsletter.Unsubscribe.v1";

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Create(int organizationId, string email) =>
        protector.Protect(Payload(organizationId, email), clock.GetUtcNow().AddDays(Math.Max(1, options.Value.UnsubscribeLinkDays)));

    /// <summary>https://…/unsubscribe/{token} for the recipient.</summary>
    public string Url(int organizationId, string email) => $"{options.Value.PortalUrl.TrimEnd('/')}/unsubscribe/{Create(organizationId, email)}";

    public static string Payload(int organizationId, string email) => organizationId.ToString(CultureInfo.InvariantCulture) + "\n" + email;

    /// <summary>The request the token carries, or null when it was forged, altered, made for another purpose or has expired.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('\n', 2);
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && parts[1].Length > 0
                ? new UnsubscribeRequest(id, parts[1])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
