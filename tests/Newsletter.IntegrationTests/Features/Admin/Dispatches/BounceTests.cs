using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

/// <summary>
/// Hard bounces: a 550 at RCPT TO from the real SMTP server counts against the address, the third stops it (退信停发,
/// audited); delivery-status reports delivered later into a Maildir folder (files written the way an MTA writes them:
/// tmp/ then renamed into new/) or into a real IMAP mailbox (Dovecot) mark the recipient 已退信; delays, auto-replies and
/// reports about no message of ours change nothing.
/// </summary>
public sealed class BounceTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private readonly string maildir = Path.Combine(Path.GetTempPath(), "newsletter-tests", "bounces-" + Guid.NewGuid().ToString("N"));
    private PortalFactory? portal;
    private int delivered;

    public async ValueTask DisposeAsync()
    {
        portal?.Dispose();
        await smtp.DisposeAsync();
        if (Directory.Exists(maildir))
        {
            Directory.Delete(maildir, recursive: true);
        }
    }

    private static bool Settled(List<DispatchRecipient> recipients) =>
        recipients.Count > 0 && recipients.All(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Failed);

    private Task<Dictionary<string, OrganizationContact>> ContactsAsync() =>
        portal!.WithDbAsync(db => db.OrganizationContacts.AsNoTracking().ToDictionaryAsync(c => c.Email));

    [Fact]
    public async Task A_refusal_at_send_time_counts_a_hard_bounce_and_the_third_stops_the_address_with_an_audit_entry()
    {
        smtp.Refused.Add("gone@gxjsx.test");
        smtp.Refused.Add("dead@gxjsx.test");
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
        await portal.AddAsync("正常的单位", DistributionGroup.Distribute, "ok@gxjsx.test");
        await portal.AddAsync("邮箱已注销的单位", DistributionGroup.Distribute, "gone@gxjsx.test");
        await portal.AddAsync("邮箱早已失效的单位", DistributionGroup.Distribute, "dead@gxjsx.test");
        await portal.WithDbAsync(db => db.OrganizationContacts.Where(c => c.Email == "dead@gxjsx.test")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.HardBounces, 2)));

        await portal.PublishNewIssueAsync("正文。");
        await portal.WaitForAsync(Settled);

        var contacts = await ContactsAsync();
        Assert.Equal((0, null), (contacts["ok@gxjsx.test"].HardBounces, contacts["ok@gxjsx.test"].LastBounce));
        var gone = contacts["gone@gxjsx.test"];
        Assert.Equal((1, (DateTime?)null), (gone.HardBounces, gone.StoppedAt));
        Assert.Contains("550", gone.LastBounce);
        Assert.Contains("mailbox unavailable", gone.LastBounce);
        Assert.NotNull(gone.LastBounceAt);
        var dead = contacts["dead@gxjsx.test"];
        Assert.Equal(3, dead.HardBounces);
        Assert.NotNull(dead.StoppedAt);
        Assert.False(dead.Receives);

        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "退信停发").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal((nameof(OrganizationContact), dead.Id.ToString(), "退信停发"), (entry.EntityType, entry.EntityId, entry.ToStatus));
        Assert.Contains("dead@gxjsx.test", entry.Detail);

        // Its only address stopped: the organisation has none left, and the administrators are told (badge and mail).
        const string subject = "【工作通讯】邮箱早已失效的单位已没有可用的接收邮箱";
        for (var i = 0; i < 100 && !smtp.Notifications.Any(m => m.Subject == subject); i++)
        {
            await Task.Delay(100);
        }

        var notice = Assert.Single(smtp.Notifications, m => m.Subject == subject);
        Assert.Contains("dead@gxjsx.test 多次退信，已退信停发", notice.TextBody);
        Assert.DoesNotContain(smtp.Notifications, m => m.Subject?.Contains("邮箱已注销的单位") == true);
        var admin = await portal.SignedInAsync(Roles.Administrator);
        Assert.StartsWith("1", (await Html.ParseAsync(await admin.GetStringAsync("/admin/organizations"))).QuerySelector("[data-address-badge]")!.TextContent);
    }

    [Fact]
    public async Task Reports_in_the_maildir_mark_permanent_failures_bounced_once_and_ignore_delays_unknown_messages_and_auto_replies()
    {
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, folder));
        }

        var settings = DistributionFixture.SmtpSettings(smtp);
        settings["Mail:Bounces:Maildir"] = maildir;
        settings["Mail:Bounces:PollSeconds"] = "1";
        portal = new PortalFactory { Settings = settings };
        await portal.AddAsync("崇左市计划生育协会", DistributionGroup.Distribute, "postfix@county.gxjsx.test");
        await portal.AddAsync("自治区卫生健康委", DistributionGroup.Send, "exchange@gxws.gxjsx.test");
        await portal.AddAsync("百色市计划生育协会", DistributionGroup.Distribute, "slow@county.gxjsx.test");
        await portal.AddAsync("河池市计划生育协会", DistributionGroup.Distribute, "office@county.gxjsx.test");
        await portal.PublishNewIssueAsync("正文。");
        var recipients = (await portal.WaitForAsync(r => r.Count == 4 && r.All(x => x.Status == DeliveryStatus.Sent))).ToDictionary(r => r.Email);
        Assert.All(recipients.Values, r => Assert.Matches($@"^dispatch-{r.DispatchId}-r{r.Id}\.[0-9a-f]{{12}}@gxjsx\.test$", r.MessageId));
        Assert.Equal(recipients.Values.Select(r => r.MessageId).Order(), smtp.Messages.Select(m => m.MessageId).Order());

        Deliver("postfix-failed.eml", "postfix@county.gxjsx.test", recipients["postfix@county.gxjsx.test"].MessageId!);
        Deliver("exchange-failed.eml", "exchange@gxws.gxjsx.test", recipients["exchange@gxws.gxjsx.test"].MessageId!);
        Deliver("postfix-delayed.eml", "slow@county.gxjsx.test", recipients["slow@county.gxjsx.test"].MessageId!);
        Deliver("postfix-failed.eml", "office@county.gxjsx.test", "dispatch-999-r999.0123456789ab@gxjsx.test");
        Deliver("auto-reply.eml", "office@county.gxjsx.test", recipients["office@county.gxjsx.test"].MessageId!);
        await WaitForEmptyNewAsync();

        var after = (await portal.RecipientsAsync()).ToDictionary(r => r.Email);
        Assert.Equal(DeliveryStatus.Bounced, after["postfix@county.gxjsx.test"].Status);
        Assert.Contains("5.1.1", after["postfix@county.gxjsx.test"].LastError);
        Assert.Contains("User unknown", after["postfix@county.gxjsx.test"].LastError);
        Assert.Equal(DeliveryStatus.Bounced, after["exchange@gxws.gxjsx.test"].Status);
        Assert.Contains("RecipientNotFound", after["exchange@gxws.gxjsx.test"].LastError);
        Assert.Equal((DeliveryStatus.Sent, null), (after["slow@county.gxjsx.test"].Status, after["slow@county.gxjsx.test"].LastError));
        Assert.Equal((DeliveryStatus.Sent, null), (after["office@county.gxjsx.test"].Status, after["office@county.gxjsx.test"].LastError));

        var contacts = await ContactsAsync();
        Assert.Equal(1, contacts["postfix@county.gxjsx.test"].HardBounces);
        Assert.Contains("5.1.1", contacts["postfix@county.gxjsx.test"].LastBounce);
        Assert.Equal(1, contacts["exchange@gxws.gxjsx.test"].HardBounces);
        Assert.Equal((0, null), (contacts["slow@county.gxjsx.test"].HardBounces, contacts["slow@county.gxjsx.test"].LastBounceAt));
        Assert.Equal((0, null), (contacts["office@county.gxjsx.test"].HardBounces, contacts["office@county.gxjsx.test"].LastBounceAt));
        var read = Directory.GetFiles(Path.Combine(maildir, "cur"));
        Assert.Equal(5, read.Length);
        Assert.All(read, f => Assert.EndsWith(":2,S", f));

        // The same report again (a relay that sends it twice): the recipient is already 已退信, the count stays.
        Deliver("postfix-failed.eml", "postfix@county.gxjsx.test", recipients["postfix@county.gxjsx.test"].MessageId!);
        await WaitForEmptyNewAsync();
        Assert.Equal(1, (await ContactsAsync())["postfix@county.gxjsx.test"].HardBounces);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(maildir, "cur")).Length);
    }

    [Fact]
    public async Task Reports_read_from_a_real_imap_mailbox_mark_the_recipient_bounced_once_and_are_flagged_seen()
    {
        await using var imap = await TestImapServer.StartAsync();
        var settings = DistributionFixture.SmtpSettings(smtp);
        foreach (var (key, value) in imap.Settings)
        {
            settings[key] = value;
        }

        portal = new PortalFactory { Settings = settings };
        await portal.AddAsync("崇左市计划生育协会", DistributionGroup.Distribute, "postfix@county.gxjsx.test");
        await portal.AddAsync("百色市计划生育协会", DistributionGroup.Distribute, "slow@county.gxjsx.test");
        await portal.PublishNewIssueAsync("正文。");
        var recipients = (await portal.WaitForAsync(r => r.Count == 2 && r.All(x => x.Status == DeliveryStatus.Sent))).ToDictionary(r => r.Email);

        await imap.DeliverAsync(DistributionFixture.BounceReport("postfix-failed.eml", "postfix@county.gxjsx.test", recipients["postfix@county.gxjsx.test"].MessageId!));
        await imap.DeliverAsync(DistributionFixture.BounceReport("postfix-delayed.eml", "slow@county.gxjsx.test", recipients["slow@county.gxjsx.test"].MessageId!));
        await imap.DeliverAsync(DistributionFixture.BounceReport("postfix-failed.eml", "office@county.gxjsx.test", "dispatch-999-r999.0123456789ab@gxjsx.test"));
        await imap.DeliverAsync(DistributionFixture.BounceReport("auto-reply.eml", "slow@county.gxjsx.test", recipients["slow@county.gxjsx.test"].MessageId!));
        await imap.WaitUntilReadAsync();

        var after = (await portal.RecipientsAsync()).ToDictionary(r => r.Email);
        Assert.Equal(DeliveryStatus.Bounced, after["postfix@county.gxjsx.test"].Status);
        Assert.Contains("5.1.1", after["postfix@county.gxjsx.test"].LastError);
        Assert.Equal((DeliveryStatus.Sent, null), (after["slow@county.gxjsx.test"].Status, after["slow@county.gxjsx.test"].LastError));
        var contacts = await ContactsAsync();
        Assert.Equal(1, contacts["postfix@county.gxjsx.test"].HardBounces);
        Assert.Equal(0, contacts["slow@county.gxjsx.test"].HardBounces);

        // The same report delivered again: read and flagged, the count stays.
        await imap.DeliverAsync(DistributionFixture.BounceReport("postfix-failed.eml", "postfix@county.gxjsx.test", recipients["postfix@county.gxjsx.test"].MessageId!));
        await imap.WaitUntilReadAsync();
        Assert.Equal(1, (await ContactsAsync())["postfix@county.gxjsx.test"].HardBounces);
    }

    /// <summary>Delivers a report as an MTA's Maildir delivery does: written whole into tmp/, then renamed into new/.</summary>
    private void Deliver(string fixture, string recipient, string messageId)
    {
        var bytes = Encoding.UTF8.GetBytes(DistributionFixture.BounceReport(fixture, recipient, messageId));
        var name = $"1796275211.M{++delivered}P4242.mail.gxjsx.test,S={bytes.Length}";
        var temporary = Path.Combine(maildir, "tmp", name);
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, Path.Combine(maildir, "new", name));
    }

    private async Task WaitForEmptyNewAsync()
    {
        var incoming = Path.Combine(maildir, "new");
        for (var i = 0; i < 200 && Directory.EnumerateFiles(incoming).Any(); i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Directory.EnumerateFiles(incoming));
    }
}
