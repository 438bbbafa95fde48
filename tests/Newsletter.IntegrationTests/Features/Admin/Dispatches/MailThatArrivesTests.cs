using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Cryptography;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;
using Org.BouncyCastle.Crypto;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

/// <summary>
/// The issue's mail as the receiving server sees it: From the association's name and the portal's address, a Message-ID on
/// the portal's domain, a plain-text part beside the HTML, and — with a key configured — a DKIM signature that verifies
/// against the public key the domain would publish, and fails once the message is altered.
/// </summary>
public sealed class MailThatArrivesTests : IAsyncDisposable
{
    private const string Selector = "portal2026";
    private readonly TestSmtpServer smtp = new();
    private readonly RSA key = RSA.Create(2048);
    private readonly string keyFile = Path.Combine(Path.GetTempPath(), "newsletter-tests", $"dkim-{Guid.NewGuid():N}.pem");
    private PortalFactory? portal;

    public async ValueTask DisposeAsync()
    {
        portal?.Dispose();
        await smtp.DisposeAsync();
        key.Dispose();
        File.Delete(keyFile);
    }

    [Fact]
    public async Task Issue_mail_is_dkim_signed_from_the_association_with_its_own_message_id_and_a_text_part()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        await File.WriteAllTextAsync(keyFile, key.ExportRSAPrivateKeyPem());
        var settings = DistributionFixture.SmtpSettings(smtp);
        settings["Mail:From"] = "广西壮族自治区计划生育协会 <newsletter@gxjsx.test>";
        settings["Mail:Dkim:Domain"] = "gxjsx.test";
        settings["Mail:Dkim:Selector"] = Selector;
        settings["Mail:Dkim:PrivateKeyPath"] = keyFile;
        portal = new PortalFactory { Settings = settings };
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");

        await portal.PublishNewIssueAsync("南宁市计生协开展“暖心家园”活动。");
        var recipient = (await portal.WaitForAsync(r => r.Count == 1 && r[0].Status == DeliveryStatus.Sent)).Single();

        var message = Assert.Single(smtp.Messages);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("广西壮族自治区计划生育协会", "newsletter@gxjsx.test"), (from.Name, from.Address));
        Assert.Equal(recipient.MessageId, message.MessageId);
        Assert.EndsWith("@gxjsx.test", message.MessageId);
        Assert.Contains("在线阅读本期：http://portal.test/issues/", message.TextBody);
        Assert.Contains("<h2>目录</h2>", message.HtmlBody);

        var signature = Assert.Single(message.Headers, h => h.Id == HeaderId.DkimSignature);
        Assert.Contains("d=gxjsx.test", signature.Value);
        Assert.Contains($"s={Selector}", signature.Value);
        var verifier = new DkimVerifier(new PublishedKey(key));
        Assert.True(await verifier.VerifyAsync(message, signature));

        message.Subject = "工作通讯 伪造的标题";
        Assert.False(await verifier.VerifyAsync(message, signature));

        // The notices to the editors (已发布) are signed the same way.
        for (var i = 0; i < 100 && smtp.Notifications.IsEmpty; i++)
        {
            await Task.Delay(100);
        }

        var notice = Assert.IsType<MimeMessage>(smtp.Notifications.FirstOrDefault());
        var noticeSignature = Assert.Single(notice.Headers, h => h.Id == HeaderId.DkimSignature);
        Assert.True(await verifier.VerifyAsync(notice, noticeSignature));
    }

    [Fact]
    public async Task An_unreadable_dkim_key_fails_each_recipient_with_the_reason_and_sends_nothing_unsigned()
    {
        var settings = DistributionFixture.SmtpSettings(smtp);
        settings["Mail:Dkim:Domain"] = "gxjsx.test";
        settings["Mail:Dkim:Selector"] = Selector;
        settings["Mail:Dkim:PrivateKeyPath"] = keyFile;
        portal = new PortalFactory { Settings = settings };
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");

        await portal.PublishNewIssueAsync("正文。");
        var recipient = (await portal.WaitForAsync(r => r.Count == 1 && r[0].Status == DeliveryStatus.Failed)).Single();

        Assert.Equal(DeliveryStatus.Failed, recipient.Status);
        Assert.Contains("Mail:Dkim:PrivateKeyPath", recipient.LastError);
        Assert.Empty(smtp.Messages);
        var contact = await portal.WithDbAsync(db => db.OrganizationContacts.SingleAsync());
        Assert.Equal(0, contact.HardBounces);
    }

    [Fact]
    public async Task Workers_side_by_side_send_no_more_than_the_limit_per_minute()
    {
        var settings = DistributionFixture.SmtpSettings(smtp);
        settings["Mail:MaxPerMinute"] = "2";
        portal = new PortalFactory { Settings = settings };
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        await portal.AddAsync("柳州市计划生育协会", DistributionGroup.Distribute, "liuzhou@gxjsx.test");
        await portal.AddAsync("桂林市计划生育协会", DistributionGroup.Distribute, "guilin@gxjsx.test");

        await portal.PublishNewIssueAsync("正文。");
        await portal.WaitForAsync(r => r.Count(x => x.Status == DeliveryStatus.Sent) == 2);
        // Several more passes of eight workers (Mail:PollSeconds is 1): the third waits for the minute, unclaimed.
        var later = await portal.WaitForAsync(r => r.Count(x => x.Status == DeliveryStatus.Sent) > 2, seconds: 4);

        Assert.Equal(2, smtp.Messages.Count);
        var third = Assert.Single(later, r => r.Status != DeliveryStatus.Sent);
        Assert.Equal((DeliveryStatus.Pending, 0, null), (third.Status, third.Attempts, third.ClaimedBy));
    }

    /// <summary>Answers the DNS lookup of &lt;selector&gt;._domainkey.gxjsx.test with the TXT record the deployer would publish.</summary>
    private sealed class PublishedKey(RSA key) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            domain == "gxjsx.test" && selector == Selector
                ? GetPublicKey("v=DKIM1; k=rsa; p=" + Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))
                : throw new ArgumentException($"no DKIM key published at {selector}._domainkey.{domain}");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
