using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// What a delivery-status notification (RFC 3464: multipart/report; report-type=delivery-status) says about one of the
/// portal's messages: the Message-ID the portal gave it (from the returned headers or message), whether the failure is
/// permanent (Action: failed with Status 5.x.x) and the server's reason.
/// </summary>
public sealed partial record BounceReport(string? MessageId, bool Permanent, string? Status, string? Recipient, string? Diagnostic)
{
    /// <summary>Reads a report; null when the mail is no delivery-status notification at all (an auto-reply, spam).</summary>
    public static BounceReport? Read(MimeMessage mail)
    {
        var report = mail.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (report is null || report.StatusGroups.Count < 2)
        {
            return null;
        }

        // The first group is about the message; each further one about one recipient (one, for the portal's one-recipient mail).
        var fields = report.StatusGroups.Skip(1).Select(g => new
        {
            Action = g["Action"]?.Trim().ToLowerInvariant(),
            Status = g["Status"]?.Trim(),
            Recipient = Address(g["Final-Recipient"] ?? g["Original-Recipient"]),
            Diagnostic = Unfold(g["Diagnostic-Code"]),
        }).ToList();
        var failed = fields.FirstOrDefault(f => f.Action == "failed" && f.Status?.StartsWith('5') == true);
        var chosen = failed ?? fields[0];
        return new BounceReport(OriginalMessageId(mail, report), failed is not null, chosen.Status, chosen.Recipient, chosen.Diagnostic);
    }

    /// <summary>
    /// The Message-ID of the returned message: its headers (text/rfc822-headers) or the whole message (message/rfc822), else
    /// the report's Original-Message-ID field, else a Message-ID of the portal's own form anywhere in the report's text.
    /// </summary>
    private static string? OriginalMessageId(MimeMessage mail, MessageDeliveryStatus report)
    {
        var returned = mail.BodyParts.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
        if (returned is not null)
        {
            return returned;
        }

        if (report.StatusGroups[0]["Original-Message-ID"] is { } original && MimeUtils.EnumerateReferences(original).FirstOrDefault() is { } id)
        {
            return id;
        }

        var text = string.Join('\n', mail.BodyParts.OfType<TextPart>().Select(p => p.Text));
        return PortalMessageId().Match(text) is { Success: true } match ? match.Groups[1].Value : null;
    }

    private static string? Address(string? field) =>
        field is null ? null : (field.Split(';', 2) is [_, var address] ? address : field).Trim();

    private static string? Unfold(string? value) =>
        value is null ? null : Regex.Replace(value, @"\s+", " ").Trim();

    [GeneratedRegex(@"<(dispatch-\d+-r\d+\.[A-Za-z0-9]+@[A-Za-z0-9.-]+)>")]
    private static partial Regex PortalMessageId();
}
