using MimeKit;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.UnitTests.Features.Admin.Dispatches;

/// <summary>
/// Delivery-status notifications in the shapes real servers write them (Fixtures/Dsn: Postfix's bounce with the returned
/// headers, Postfix's delay warning, Exchange's NDR with the whole returned message), and a mail that is no report.
/// </summary>
public sealed class BounceReportTests
{
    private const string MessageId = "dispatch-7-r42.0a1b2c3d4e5f@gxjsx.test";

    /// <summary>A fixture with its recipient and Message-ID filled in, as the report about that mail would read.</summary>
    public static string Fixture(string name, string recipient, string messageId) => File.ReadAllText(Path.Combine(
            SeedFiles.Folder, "..", "tests", "Newsletter.UnitTests", "Features", "Admin", "Dispatches", "Fixtures", "Dsn", name))
        .Replace("{{RECIPIENT}}", recipient, StringComparison.Ordinal).Replace("{{MESSAGE_ID}}", messageId, StringComparison.Ordinal);

    private static BounceReport? Read(string name)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Fixture(name, "office@county.gxjsx.test", MessageId)));
        return BounceReport.Read(MimeMessage.Load(stream));
    }

    [Fact]
    public void Read_postfix_bounce_is_permanent_with_the_returned_headers_message_id()
    {
        var report = Read("postfix-failed.eml");

        Assert.NotNull(report);
        Assert.Equal((MessageId, true, "5.1.1", "office@county.gxjsx.test"), (report.MessageId, report.Permanent, report.Status, report.Recipient));
        Assert.Equal("smtp; 550 5.1.1 <office@county.gxjsx.test>: Recipient address rejected: User unknown in virtual mailbox table", report.Diagnostic);
    }

    [Fact]
    public void Read_exchange_ndr_is_permanent_with_the_returned_message_id()
    {
        var report = Read("exchange-failed.eml");

        Assert.NotNull(report);
        Assert.Equal((MessageId, true, "5.1.10"), (report.MessageId, report.Permanent, report.Status));
        Assert.Contains("RESOLVER.ADR.RecipientNotFound", report.Diagnostic);
    }

    [Fact]
    public void Read_postfix_delay_warning_is_not_permanent()
    {
        var report = Read("postfix-delayed.eml");

        Assert.NotNull(report);
        Assert.Equal((MessageId, false, "4.4.1"), (report.MessageId, report.Permanent, report.Status));
    }

    [Fact]
    public void Read_auto_reply_is_no_report()
    {
        Assert.Null(Read("auto-reply.eml"));
    }
}
