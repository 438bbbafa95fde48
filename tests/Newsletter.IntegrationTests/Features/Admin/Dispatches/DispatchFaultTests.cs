using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

/// <summary>
/// A fault that is not an SMTP reply — a sender address the mail library cannot parse, a recipient address that
/// cannot be written into a message — is recorded on the recipient with its reason, like a refused address;
/// no recipient is left claimed (which would turn into 状态不明 after the claim timeout) and the others still get their mail.
/// </summary>
public sealed class DispatchFaultTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private PortalFactory? portal;

    public async ValueTask DisposeAsync()
    {
        portal?.Dispose();
        await smtp.DisposeAsync();
    }

    private static bool Settled(List<DispatchRecipient> recipients) =>
        recipients.Count > 0 && recipients.All(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Failed);

    [Fact]
    public async Task An_invalid_sender_address_fails_every_recipient_with_the_reason_and_leaves_none_claimed()
    {
        var settings = DistributionFixture.SmtpSettings(smtp);
        settings["Mail:From"] = "not an address";
        portal = new PortalFactory { Settings = settings };
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        await portal.AddAsync("柳州市计划生育协会", DistributionGroup.Distribute, "liuzhou@gxjsx.test");

        await portal.PublishNewIssueAsync("正文。");
        var recipients = await portal.WaitForAsync(Settled);

        Assert.Equal(2, recipients.Count);
        Assert.All(recipients, r =>
        {
            Assert.Equal(DeliveryStatus.Failed, r.Status);
            Assert.Contains("Mail:From", r.LastError);
            Assert.Contains("not an address", r.LastError);
            Assert.Equal(1, r.Attempts);
        });
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_recipient_address_that_cannot_be_written_fails_that_recipient_and_the_others_get_their_mail()
    {
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        // An address from before the contact forms checked addresses (the forms and the CSV import refuse it now).
        await portal.AddAsync("地址有误的单位", DistributionGroup.Distribute, "bad address@");
        await portal.AddAsync("柳州市计划生育协会", DistributionGroup.Distribute, "liuzhou@gxjsx.test");

        await portal.PublishNewIssueAsync("正文。");
        var recipients = await portal.WaitForAsync(Settled);

        var byEmail = recipients.ToDictionary(r => r.Email);
        Assert.Equal(3, byEmail.Count);
        Assert.Equal(DeliveryStatus.Sent, byEmail["nanning@gxjsx.test"].Status);
        Assert.Equal(DeliveryStatus.Sent, byEmail["liuzhou@gxjsx.test"].Status);
        Assert.Equal(DeliveryStatus.Failed, byEmail["bad address@"].Status);
        Assert.Contains("bad address@", byEmail["bad address@"].LastError);
        Assert.Equal(new Dictionary<string, int> { ["liuzhou@gxjsx.test"] = 1, ["nanning@gxjsx.test"] = 1 }, smtp.CountByRecipient().OrderBy(p => p.Key).ToDictionary());
    }
}
