using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

/// <summary>Publishing sends one Chinese mail per address through a real SMTP server, with retries and statuses.</summary>
public sealed class DispatchTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private readonly List<PortalFactory> portals = [];

    public async ValueTask DisposeAsync()
    {
        portals.ForEach(p => p.Dispose());
        await smtp.DisposeAsync();
    }

    private PortalFactory Portal(Dictionary<string, string?> settings, string? dataPath = null)
    {
        var portal = new PortalFactory { Settings = settings, DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N")) };
        portals.Add(portal);
        return portal;
    }

    [Fact]
    public async Task Publishing_sends_one_well_formed_chinese_message_per_address_with_the_toc()
    {
        var portal = Portal(DistributionFixture.SmtpSettings(smtp));
        await portal.AddAsync("有关领导", DistributionGroup.Send, "leaders@gxjsx.test");
        await portal.AddAsync("自治区卫生健康委", DistributionGroup.Send, "wjw@gxjsx.test");
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        await portal.AddAsync("桂林市计划生育协会", DistributionGroup.Distribute, "guilin1@gxjsx.test", "guilin2@gxjsx.test");
        await portal.AddAsync("已停用的单位", DistributionGroup.Distribute, MembershipStatus.Active, active: false, "inactive@gxjsx.test");
        await portal.AddAsync("暂停发送的单位", DistributionGroup.Distribute, MembershipStatus.Suspended, active: true, "suspended@gxjsx.test");
        await portal.AddAsync("不在名单的单位", null, "none@gxjsx.test");

        var issueId = await portal.PublishNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        var recipients = await portal.WaitForAsync(r => r.Count > 0 && r.All(x => x.Status == DeliveryStatus.Sent));
        string[] expected = ["guilin1@gxjsx.test", "guilin2@gxjsx.test", "leaders@gxjsx.test", "nanning@gxjsx.test", "wjw@gxjsx.test"];
        Assert.Equal(expected, recipients.Select(r => r.Email).Order());
        Assert.All(recipients, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(expected.ToDictionary(e => e, _ => 1), smtp.CountByRecipient().OrderBy(p => p.Key).ToDictionary());

        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).SingleAsync());
        foreach (var message in smtp.Messages)
        {
            Assert.Equal("工作通讯 2023年第3期(总第66期)", message.Subject);
            Assert.Equal("newsletter@gxjsx.test", message.From.Mailboxes.Single().Address);
            Assert.Contains("目录", message.HtmlBody);
            Assert.Contains($"<a href=\"http://portal.test/articles/{articleId}\">河池市开展婚育新风进万家活动</a>", message.HtmlBody);
            Assert.Contains("基层简讯", message.TextBody);
            Assert.Contains($"河池市开展婚育新风进万家活动  http://portal.test/articles/{articleId}", message.TextBody);
            Assert.Contains("在线阅读本期：http://portal.test/issues/2023/3", message.TextBody);
        }

        var guilin = smtp.Messages.First(m => m.To.Mailboxes.Single().Address == "guilin1@gxjsx.test");
        Assert.Equal("桂林市计划生育协会", guilin.To.Mailboxes.Single().Name);

        var admin = await portal.SignedInAsync(Roles.Administrator);
        var page = await Html.ParseAsync(await admin.GetStringAsync("/admin/dispatches/1"));
        Assert.Equal("5", page.QuerySelector("[data-status=sent]")!.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-status=failed]")!.TextContent);
    }

    [Fact]
    public async Task Publishing_keeps_the_footer_lines_the_editor_typed_and_mails_the_groups()
    {
        var portal = Portal(DistributionFixture.SmtpSettings(smtp));
        await portal.AddAsync("有关领导", DistributionGroup.Send, "leaders@gxjsx.test");
        await portal.AddAsync("中国计生协各部室", DistributionGroup.Send, "cfpa@gxjsx.test");
        await portal.AddAsync("各市、县（市、区）计划生育协会", DistributionGroup.Distribute, "all@gxjsx.test");
        const string send = "自治区党委、政府有关领导，中国计生协办公室、宣传部。";
        const string distribute = "各设区市计划生育协会，  各县（市、区）计划生育协会。";
        var issueId = await portal.PublishNewIssueAsync("正文。", masthead: new() { ["SendTo"] = send, ["DistributeTo"] = distribute });

        var issue = await portal.IssueAsync(issueId);
        Assert.Equal((send, distribute), (issue.SendTo, issue.DistributeTo));
        var recipients = await portal.WaitForAsync(r => r.Count == 3 && r.All(x => x.Status == DeliveryStatus.Sent));
        Assert.Equal(["all@gxjsx.test", "cfpa@gxjsx.test", "leaders@gxjsx.test"], recipients.Select(r => r.Email).Order());

        await portal.AddAsync("自治区卫生健康委", DistributionGroup.Send, "wjw@gxjsx.test");
        var footer = (await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2023/3"))).QuerySelector(".issue-footer")!.TextContent;
        Assert.Contains(send, footer);
        Assert.Contains(distribute, footer);
        Assert.DoesNotContain("有关领导、中国计生协各部室", footer);
        Assert.DoesNotContain("自治区卫生健康委", footer);
    }

    [Fact]
    public async Task Refused_recipients_are_retried_or_failed_with_the_server_reply_and_only_failed_ones_are_resent()
    {
        smtp.Refused.Add("gone@gxjsx.test");
        smtp.RefusedTransiently["busy@gxjsx.test"] = 2;
        var portal = Portal(DistributionFixture.SmtpSettings(smtp));
        await portal.AddAsync("正常的单位", DistributionGroup.Distribute, "ok@gxjsx.test");
        await portal.AddAsync("邮箱已注销的单位", DistributionGroup.Distribute, "gone@gxjsx.test");
        await portal.AddAsync("邮箱繁忙的单位", DistributionGroup.Distribute, "busy@gxjsx.test");
        await portal.PublishNewIssueAsync("正文。");

        var recipients = await portal.WaitForAsync(r => r.Count == 3 && r.All(x => x.Status is DeliveryStatus.Sent or DeliveryStatus.Failed));
        var byEmail = recipients.ToDictionary(r => r.Email);
        Assert.Equal((DeliveryStatus.Sent, 1), (byEmail["ok@gxjsx.test"].Status, byEmail["ok@gxjsx.test"].Attempts));
        Assert.Equal(DeliveryStatus.Sent, byEmail["busy@gxjsx.test"].Status);
        Assert.True(byEmail["busy@gxjsx.test"].Attempts >= 2, "the temporarily refused address was retried");
        Assert.Equal(DeliveryStatus.Failed, byEmail["gone@gxjsx.test"].Status);
        Assert.Contains("550", byEmail["gone@gxjsx.test"].LastError);
        Assert.Contains("mailbox unavailable", byEmail["gone@gxjsx.test"].LastError);
        Assert.Equal(new Dictionary<string, int> { ["busy@gxjsx.test"] = 1, ["ok@gxjsx.test"] = 1 }, smtp.CountByRecipient().OrderBy(p => p.Key).ToDictionary());

        var admin = await portal.SignedInAsync(Roles.Administrator);
        var page = await Html.ParseAsync(await admin.GetStringAsync("/admin/dispatches/1"));
        Assert.Equal(("2", "1"), (page.QuerySelector("[data-status=sent]")!.TextContent, page.QuerySelector("[data-status=failed]")!.TextContent));
        Assert.Contains("mailbox unavailable", page.QuerySelector("tr[data-email='gone@gxjsx.test']")!.TextContent);

        smtp.Refused.Clear();
        var retry = await admin.PostFormAsync("/admin/dispatches/1", "/admin/dispatches/1/retry-failed", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        await portal.WaitForAsync(r => r.All(x => x.Status == DeliveryStatus.Sent));
        Assert.Equal(new Dictionary<string, int> { ["busy@gxjsx.test"] = 1, ["gone@gxjsx.test"] = 1, ["ok@gxjsx.test"] = 1 }, smtp.CountByRecipient().OrderBy(p => p.Key).ToDictionary());
    }

    [Fact]
    public async Task Without_smtp_each_message_is_written_to_the_mail_folder()
    {
        var portal = Portal(new() { ["Mail:PollSeconds"] = "1" });
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        await portal.AddAsync("柳州市计划生育协会", DistributionGroup.Distribute, "liuzhou@gxjsx.test");
        await portal.PublishNewIssueAsync("正文。");
        await portal.WaitForAsync(r => r.Count == 2 && r.All(x => x.Status == DeliveryStatus.Sent));

        // The folder also holds the notifications to the editors (Auto-Submitted), which are not the issue's mail.
        var messages = Directory.GetFiles(Path.Combine(portal.DataPath, "mail"), "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.Headers["Auto-Submitted"] is null).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("工作通讯 2023年第3期(总第66期)", m.Subject));
        Assert.Equal(["liuzhou@gxjsx.test", "nanning@gxjsx.test"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task Unticking_send_publishes_without_a_dispatch()
    {
        var portal = Portal(DistributionFixture.SmtpSettings(smtp));
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        await portal.PublishNewIssueAsync("正文。", new() { ["SendEmail"] = "false" });
        Assert.Equal(0, await portal.WithDbAsync(db => db.Dispatches.CountAsync()));
        Assert.Equal(IssueStatus.Published, (await portal.WithDbAsync(db => db.Issues.SingleAsync(i => i.SerialNumber == 66))).Status);
    }
}
