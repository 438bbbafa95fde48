using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

/// <summary>
/// Before sending, 发送测试邮件 (to the signed-in editor only, not a dispatch); after it, 补发 to chosen recipients, 重发失败
/// that leaves stopped addresses alone, 恢复发送 of a stopped address, and each organisation's 接收记录 — all through the
/// real forms and a real SMTP server in process.
/// </summary>
public sealed class BeforeAndAfterSendingTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private PortalFactory? portal;

    public async ValueTask DisposeAsync()
    {
        portal?.Dispose();
        await smtp.DisposeAsync();
    }

    private static bool Settled(List<DispatchRecipient> recipients) =>
        recipients.Count > 0 && recipients.All(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Unsubscribed or DeliveryStatus.Stopped);

    [Fact]
    public async Task A_test_mail_goes_to_the_signed_in_editor_only_and_is_no_dispatch()
    {
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
        var issueId = await portal.ComposeNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        var editor = await portal.SignedInAsync(Roles.Editor);

        var compose = await Html.ParseAsync(await editor.GetStringAsync($"/editorial/issues/{issueId}"));
        Assert.Equal("发送测试邮件", compose.QuerySelector("#test-mail button")!.TextContent.Trim());
        var response = await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/test-mail", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.ParseAsync(await editor.GetStringAsync($"/editorial/issues/{issueId}"));
        Assert.Contains("测试邮件已发送到 editor@test.local", after.Body!.TextContent);

        await smtp.SettledAsync();
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("editor@test.local", message.To.Mailboxes.Single().Address);
        Assert.Equal("【测试】工作通讯 2023年第3期(总第66期)", message.Subject);
        Assert.Contains("河池市开展婚育新风进万家活动", message.HtmlBody);
        Assert.Contains("这是发给您本人（editor@test.local）的测试邮件", message.TextBody);
        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.EndsWith("@gxjsx.test", message.MessageId);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Dispatches.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.DispatchRecipients.CountAsync()));
        var audit = Assert.Single(await portal.AuditAsync(nameof(Issue), issueId), e => e.Action == "发送测试邮件");
        Assert.Contains("editor@test.local", audit.Detail);

        // The editor's mail server refuses: a clear message, no audit entry, still no dispatch.
        smtp.Refused.Add("editor@test.local");
        var refused = await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/test-mail", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("测试邮件没有发出", await refused.Content.ReadAsStringAsync());
        Assert.Single(await portal.AuditAsync(nameof(Issue), issueId), e => e.Action == "发送测试邮件");
        Assert.Equal(0, await portal.WithDbAsync(db => db.Dispatches.CountAsync()));

        var unknown = await editor.PostFormAsync($"/editorial/issues/{issueId}", "/editorial/issues/9999/test-mail", []);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task Resending_to_chosen_recipients_makes_a_new_dispatch_and_the_history_shows_both()
    {
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
        var wuxuan = await portal.AddAsync("武宣县计生协", DistributionGroup.Distribute, "wuxuan@gxjsx.test", "wuxuan2@gxjsx.test");
        var diecai = await portal.AddAsync("桂林市叠彩区计生协", DistributionGroup.Distribute, "diecai@gxjsx.test");
        var quit = await portal.AddAsync("已退订的单位", DistributionGroup.Distribute, "quit@gxjsx.test");
        await portal.PublishNewIssueAsync("正文。");
        var first = (await portal.WaitForAsync(r => r.Count == 4 && r.All(x => x.Status == DeliveryStatus.Sent))).ToDictionary(r => r.Email);
        Assert.Equal(4, smtp.Messages.Count);
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var page = "/admin/dispatches/1";
        Assert.Equal(4, (await Html.ParseAsync(await admin.GetStringAsync(page))).QuerySelectorAll("input[name=recipientIds][form=resend-form]").Length);

        // Bad input changes nothing: nothing chosen, a recipient of no such dispatch, an address that unsubscribed since.
        var none = await admin.PostFormAsync(page, "/admin/dispatches/1/resend-chosen", []);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请先勾选要补发的地址", await none.Content.ReadAsStringAsync());
        var foreign = await admin.PostFormAsync(page, "/admin/dispatches/1/resend-chosen", new() { ["recipientIds"] = "999" });
        Assert.Contains("不属于这次发送", await foreign.Content.ReadAsStringAsync());
        await portal.WithDbAsync(db => db.OrganizationContacts.Where(c => c.Email == "quit@gxjsx.test")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UnsubscribedAt, DateTime.UtcNow)));
        var unsubscribed = await admin.PostFormAsync(page, "/admin/dispatches/1/resend-chosen", new() { ["recipientIds"] = first["quit@gxjsx.test"].Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, unsubscribed.StatusCode);
        Assert.Contains("quit@gxjsx.test（已退订）", await unsubscribed.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.WithDbAsync(db => db.Dispatches.CountAsync()));
        Assert.Equal(404, (int)(await admin.PostFormAsync(page, "/admin/dispatches/99/resend-chosen", new() { ["recipientIds"] = "1" })).StatusCode);

        var resend = await admin.PostFormAsync(page, "/admin/dispatches/1/resend-chosen", new() { ["recipientIds"] = first["wuxuan2@gxjsx.test"].Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal("/admin/dispatches/2", resend.Headers.Location!.OriginalString);
        await portal.WaitForAsync(r => r.Count == 5 && r.All(x => x.Status == DeliveryStatus.Sent));
        await smtp.SettledAsync();
        Assert.Equal(2, smtp.CountByRecipient()["wuxuan2@gxjsx.test"]);
        Assert.Equal(5, smtp.Messages.Count);
        var resendPage = await Html.ParseAsync(await admin.GetStringAsync("/admin/dispatches/2"));
        Assert.StartsWith("补发：工作通讯 2023年第3期(总第66期)", resendPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("补发", resendPage.QuerySelector("p.text-secondary")!.TextContent);
        Assert.Equal("1", resendPage.QuerySelector("[data-status=sent]")!.TextContent);
        Assert.Equal("4", (await Html.ParseAsync(await admin.GetStringAsync(page))).QuerySelector("[data-status=sent]")!.TextContent);
        Assert.Contains(await portal.AuditAsync(nameof(Dispatch), 1), e => e.Action == "补发" && e.Detail!.Contains("wuxuan2@gxjsx.test"));

        // 接收记录: every issue, every address, state and time — the 补发 too; only this organisation's.
        var history = await Html.ParseAsync(await admin.GetStringAsync($"/admin/organizations/{wuxuan}/deliveries"));
        var rows = history.QuerySelectorAll("#deliveries tbody tr").Select(tr => (tr.GetAttribute("data-dispatch"), tr.GetAttribute("data-email"), tr.QuerySelector(".status")!.TextContent)).ToList();
        Assert.Equal([("2", "wuxuan2@gxjsx.test", "已发送"), ("1", "wuxuan2@gxjsx.test", "已发送"), ("1", "wuxuan@gxjsx.test", "已发送")], rows.OrderByDescending(r => r.Item1).ThenByDescending(r => r.Item2).ToList());
        Assert.Contains("（补发）", history.QuerySelector("#deliveries tbody tr[data-dispatch='2']")!.TextContent);
        Assert.Matches(@"送出 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", history.QuerySelector("#deliveries tbody")!.TextContent);
        var other = await Html.ParseAsync(await admin.GetStringAsync($"/admin/organizations/{diecai}/deliveries"));
        Assert.Equal(["diecai@gxjsx.test"], other.QuerySelectorAll("#deliveries tbody tr").Select(tr => tr.GetAttribute("data-email")!).ToArray());
        var quitHistory = await Html.ParseAsync(await admin.GetStringAsync($"/admin/organizations/{quit}/deliveries"));
        Assert.Single(quitHistory.QuerySelectorAll("#deliveries tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/organizations/9999/deliveries")).StatusCode);
    }

    [Fact]
    public async Task Retrying_failures_leaves_a_stopped_address_alone_until_an_administrator_resumes_it_with_a_reason()
    {
        smtp.Refused.Add("dead@gxjsx.test");
        smtp.Refused.Add("fixed@gxjsx.test");
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
        var dead = await portal.AddAsync("邮箱早已失效的单位", DistributionGroup.Distribute, "dead@gxjsx.test");
        await portal.AddAsync("邮箱暂时出错的单位", DistributionGroup.Distribute, "fixed@gxjsx.test");
        await portal.WithDbAsync(db => db.OrganizationContacts.Where(c => c.Email == "dead@gxjsx.test")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.HardBounces, 2)));
        await portal.PublishNewIssueAsync("正文。");
        await portal.WaitForAsync(r => r.Count == 2 && r.All(x => x.Status == DeliveryStatus.Failed));
        Assert.NotNull((await portal.WithDbAsync(db => db.OrganizationContacts.SingleAsync(c => c.Email == "dead@gxjsx.test"))).StoppedAt);

        smtp.Refused.Clear();
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var retry = await admin.PostFormAsync("/admin/dispatches/1", "/admin/dispatches/1/retry-failed", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var recipients = (await portal.WaitForAsync(r => r.Any(x => x.Status == DeliveryStatus.Sent))).ToDictionary(r => r.Email);
        Assert.Equal(DeliveryStatus.Sent, recipients["fixed@gxjsx.test"].Status);
        Assert.Equal(DeliveryStatus.Stopped, recipients["dead@gxjsx.test"].Status);
        await smtp.SettledAsync();
        Assert.Equal(["fixed@gxjsx.test"], smtp.CountByRecipient().Keys.ToArray());
        var page = await Html.ParseAsync(await admin.GetStringAsync("/admin/dispatches/1"));
        Assert.Contains("1 个地址已退订或退信停发，不再重发", page.Body!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-status=stopped]")!.TextContent);

        var contactId = await portal.WithDbAsync(db => db.OrganizationContacts.Where(c => c.Email == "dead@gxjsx.test").Select(c => c.Id).SingleAsync());
        var edit = $"/admin/organizations/{dead}/edit";
        Assert.NotNull((await Html.ParseAsync(await admin.GetStringAsync(edit))).QuerySelector($"form[action$='/contacts/{contactId}/resume']"));
        var noReason = await admin.PostFormAsync(edit, $"/admin/organizations/{dead}/contacts/{contactId}/resume", new() { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写恢复发送的原因", await noReason.Content.ReadAsStringAsync());
        Assert.NotNull((await portal.WithDbAsync(db => db.OrganizationContacts.SingleAsync(c => c.Id == contactId))).StoppedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(edit, $"/admin/organizations/{dead}/contacts/99999/resume", new() { ["reason"] = "x" })).StatusCode);

        var resumed = await admin.PostFormAsync(edit, $"/admin/organizations/{dead}/contacts/{contactId}/resume", new() { ["reason"] = "对方已修好邮箱" });
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        var contact = await portal.WithDbAsync(db => db.OrganizationContacts.AsNoTracking().SingleAsync(c => c.Id == contactId));
        Assert.Equal((null, 0, true), (contact.StoppedAt, contact.HardBounces, contact.Receives));
        Assert.Contains(await portal.AuditAsync("Organization", dead), e => e.Action == "恢复发送邮箱" && e.Detail == "dead@gxjsx.test：对方已修好邮箱");
        var again = await admin.PostFormAsync(edit, $"/admin/organizations/{dead}/contacts/{contactId}/resume", new() { ["reason"] = "再点一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
