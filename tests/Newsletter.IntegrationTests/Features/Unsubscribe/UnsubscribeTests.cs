using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.IntegrationTests.Features.Unsubscribe;

/// <summary>
/// 退订 through the real mail (a real SMTP server in process), the confirm page and its button, a mail client's one-click POST,
/// bad links, the next dispatch, and an administrator's re-subscribe.
/// </summary>
public sealed class UnsubscribeTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private readonly PortalFactory portal;

    public UnsubscribeTests()
    {
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
    }

    public async ValueTask DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Mail_link_confirm_page_and_button_unsubscribe_and_the_next_dispatch_skips_and_counts_the_address()
    {
        var guilin = await portal.AddAsync("桂林市计划生育协会", DistributionGroup.Distribute, "guilin1@gxjsx.test", "guilin2@gxjsx.test");
        var issueId = await portal.PublishNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        await portal.WaitForAsync(r => r.Count == 2 && r.All(x => x.Status == DeliveryStatus.Sent));

        var mail = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "guilin1@gxjsx.test");
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = UnsubscribeFixture.LinkPath(mail);
        Assert.Contains($"<a href=\"http://portal.test{link}\">退订</a>", mail.HtmlBody);
        Assert.Contains($"http://portal.test{link}", mail.TextBody);
        Assert.Contains("如需更改接收邮箱，请联系自治区计生协办公室。", mail.HtmlBody);
        Assert.Contains("如需更改接收邮箱，请联系自治区计生协办公室。", mail.TextBody);
        Assert.NotEqual(link, UnsubscribeFixture.LinkPath(smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "guilin2@gxjsx.test")));
        Assert.DoesNotContain(guilin.ToString() + "/", link);

        var recipient = portal.Browser();
        var (response, page, confirmHtml) = await recipient.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("guilin1@gxjsx.test", page.QuerySelector("#unsubscribe-email")!.TextContent);
        Assert.Contains("桂林市计划生育协会", page.Body!.TextContent);
        Assert.Null((await portal.ContactAsync("guilin1@gxjsx.test")).UnsubscribedAt);

        var form = page.QuerySelector("main form[method=post]")!;
        Assert.Equal(link, form.GetAttribute("action"));
        var done = await recipient.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>()));
        var doneHtml = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("已退订", doneHtml);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["confirm"] = confirmHtml, ["done"] = doneHtml }));

        Assert.NotNull((await portal.ContactAsync("guilin1@gxjsx.test")).UnsubscribedAt);
        Assert.Null((await portal.ContactAsync("guilin2@gxjsx.test")).UnsubscribedAt);
        var audit = Assert.Single(await portal.UnsubscribeAuditAsync());
        Assert.StartsWith("收件人本人", audit.UserName);
        Assert.Equal("guilin1@gxjsx.test", audit.Detail);
        Assert.False(string.IsNullOrEmpty(audit.IpAddress));

        var again = await portal.DispatchAgainAsync(issueId);
        var recipients = await portal.WaitForAsync(r => r.Count(x => x.DispatchId == again && x.Status == DeliveryStatus.Sent) == 1);
        Assert.Equal(DeliveryStatus.Unsubscribed, recipients.Single(r => r.DispatchId == again && r.Email == "guilin1@gxjsx.test").Status);
        Assert.Equal(1, smtp.CountByRecipient()["guilin1@gxjsx.test"]);
        Assert.Equal(2, smtp.CountByRecipient()["guilin2@gxjsx.test"]);

        var admin = await portal.SignedInAsync(Roles.Administrator);
        var adminPages = new Dictionary<string, string>
        {
            ["dispatch"] = await admin.GetStringAsync($"/admin/dispatches/{again}"),
            ["dispatches"] = await admin.GetStringAsync("/admin/dispatches"),
            ["tree"] = await admin.GetStringAsync("/admin/organizations"),
            ["edit"] = await admin.GetStringAsync($"/admin/organizations/{guilin}/edit"),
        };
        var dispatchPage = await Html.ParseAsync(adminPages["dispatch"]);
        Assert.Equal("1", dispatchPage.QuerySelector("[data-status=unsubscribed]")!.TextContent);
        Assert.Equal("1", dispatchPage.QuerySelector("[data-status=sent]")!.TextContent);
        Assert.Contains("已退订", dispatchPage.QuerySelector("tr[data-email='guilin1@gxjsx.test'] .status")!.TextContent);
        var tree = await Html.ParseAsync(adminPages["tree"]);
        Assert.Equal("已退订", tree.QuerySelector($"tr[data-id='{guilin}'] .contact-state")!.TextContent);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(adminPages));
        var edit = await Html.ParseAsync(adminPages["edit"]);
        Assert.Equal("已退订", edit.QuerySelector("li[data-email='guilin1@gxjsx.test'] .contact-state")!.TextContent);
        Assert.Null(edit.QuerySelector("li[data-email='guilin2@gxjsx.test'] .contact-state"));
    }

    [Fact]
    public async Task One_click_post_without_cookies_or_form_token_unsubscribes_once()
    {
        var organization = await portal.AddAsync("来宾市计划生育协会", DistributionGroup.Distribute, "laibin@gxjsx.test", "laibin2@gxjsx.test");
        var link = portal.LinkFor(organization, "laibin@gxjsx.test");
        using var mailClient = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        for (var i = 0; i < 2; i++)
        {
            var response = await mailClient.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.NotNull((await portal.ContactAsync("laibin@gxjsx.test")).UnsubscribedAt);
        Assert.Null((await portal.ContactAsync("laibin2@gxjsx.test")).UnsubscribedAt);
        Assert.Single(await portal.UnsubscribeAuditAsync());
        var page = await Html.ParseAsync(await mailClient.GetStringAsync(link));
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Contains("已经退订", page.Body!.TextContent);
    }

    [Fact]
    public async Task Forged_tampered_expired_or_foreign_tokens_get_a_chinese_400_page_and_change_nothing()
    {
        var organization = await portal.AddAsync("柳州市计划生育协会", DistributionGroup.Send, "liuzhou@gxjsx.test");
        var valid = portal.LinkFor(organization, "liuzhou@gxjsx.test")["/unsubscribe/".Length..];
        var provider = portal.Services.GetRequiredService<IDataProtectionProvider>();
        var payload = UnsubscribeTokens.Payload(organization, "liuzhou@gxjsx.test");
        var expired = provider.CreateProtector(UnsubscribeTokens.Purpose).ToTimeLimitedDataProtector().Protect(payload, DateTimeOffset.UtcNow.AddMinutes(-1));
        var foreign = provider.CreateProtector("Newsletter.SomethingElse").ToTimeLimitedDataProtector().Protect(payload, DateTimeOffset.UtcNow.AddDays(1));
        var tampered = valid[..20] + (valid[20] == 'A' ? 'B' : 'A') + valid[21..];
        var bare = organization.ToString();
        var pages = new Dictionary<string, string>();
        var client = portal.Browser();
        foreach (var (name, token) in new[] { ("forged", "abcdefghijklmnop"), ("tampered", tampered), ("expired", expired), ("foreign", foreign), ("bare-id", bare) })
        {
            var get = await client.GetAsync("/unsubscribe/" + token);
            var post = await client.PostAsync("/unsubscribe/" + token, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
            pages[name] = await get.Content.ReadAsStringAsync();
            Assert.Contains("退订链接无效或已过期", pages[name]);
            Assert.Contains("没有做任何改动", await post.Content.ReadAsStringAsync());
        }

        Assert.Null((await portal.ContactAsync("liuzhou@gxjsx.test")).UnsubscribedAt);
        Assert.Empty(await portal.UnsubscribeAuditAsync());
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["invalid"] = pages["expired"] }));
    }

    [Fact]
    public async Task Only_an_administrator_resubscribes_and_only_with_a_reason_which_is_audited()
    {
        var organization = await portal.AddAsync("梧州市计划生育协会", DistributionGroup.Distribute, "wuzhou@gxjsx.test", "wuzhou2@gxjsx.test");
        var link = portal.LinkFor(organization, "wuzhou@gxjsx.test");
        Assert.Equal(HttpStatusCode.OK, (await portal.Browser().PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
        var contact = await portal.ContactAsync("wuzhou@gxjsx.test");
        var edit = $"/admin/organizations/{organization}/edit";
        var action = $"/admin/organizations/{organization}/contacts/{contact.Id}/resubscribe";

        var editor = await portal.SignedInAsync(Roles.Editor);
        var refused = await editor.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "想恢复" }));
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString);

        var admin = await portal.SignedInAsync(Roles.Administrator);
        var noReason = await admin.PostFormAsync(edit, action, new() { ["reason"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写重新订阅的原因", await noReason.Content.ReadAsStringAsync());
        Assert.NotNull((await portal.ContactAsync("wuzhou@gxjsx.test")).UnsubscribedAt);
        var other = await portal.AddAsync("别的单位", DistributionGroup.Send, "other@gxjsx.test");
        var crafted = await admin.PostFormAsync(edit, $"/admin/organizations/{other}/contacts/{contact.Id}/resubscribe", new() { ["reason"] = "核实" });
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);

        var done = await admin.PostFormAsync(edit, action, new() { ["reason"] = "梧州市计生协来电，要求恢复接收" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null((await portal.ContactAsync("wuzhou@gxjsx.test")).UnsubscribedAt);
        var audit = await portal.UnsubscribeAuditAsync();
        Assert.Equal(["退订邮箱", "重新订阅邮箱"], audit.Select(a => a.Action));
        Assert.Equal("wuzhou@gxjsx.test：梧州市计生协来电，要求恢复接收", audit[1].Detail);
        Assert.Equal("管理员甲", audit[1].UserName);
        var again = await admin.PostFormAsync(edit, action, new() { ["reason"] = "再来一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_organisation_left_without_an_address_is_shown_to_administrators_and_mailed_to_them()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await portal.SignedInAsync(Roles.Editor); // an editor, who is not told
        var hezhou = await portal.AddAsync("贺州市计划生育协会", DistributionGroup.Distribute, "hezhou@gxjsx.test");
        var yulin = await portal.AddAsync("玉林市计划生育协会", DistributionGroup.Distribute, "yulin@gxjsx.test", "yulin2@gxjsx.test");
        Assert.Null((await Html.ParseAsync(await admin.GetStringAsync("/admin/organizations"))).QuerySelector("[data-address-badge]"));

        await portal.Browser().PostAsync(portal.LinkFor(yulin, "yulin@gxjsx.test"), new FormUrlEncodedContent(new Dictionary<string, string>()));
        await portal.Browser().PostAsync(portal.LinkFor(hezhou, "hezhou@gxjsx.test"), new FormUrlEncodedContent(new Dictionary<string, string>()));

        var badge = (await Html.ParseAsync(await admin.GetStringAsync("/admin/organizations"))).QuerySelector("[data-address-badge]");
        Assert.StartsWith("1", badge!.TextContent);
        const string subject = "【工作通讯】贺州市计划生育协会已没有可用的接收邮箱";
        for (var i = 0; i < 100 && !smtp.Notifications.Any(m => m.Subject == subject); i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
        var notices = smtp.Notifications.Where(m => m.Subject == subject).ToList();
        Assert.Equal(["admin@localhost", "administrator@test.local"], notices.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(notices, n => Assert.Contains($"/admin/organizations/{hezhou}/edit", n.TextBody));
        Assert.DoesNotContain(smtp.Notifications, m => m.Subject?.Contains("玉林市") == true);

        var settings = await Html.ParseAsync(await admin.GetStringAsync("/notifications"));
        Assert.Contains("单位没有可用的接收邮箱", settings.Body!.TextContent);
    }

    [Fact]
    public async Task Unsubscribe_requests_are_rate_limited_per_address_with_the_chinese_429_page()
    {
        var settings = DistributionFixture.SmtpSettings(smtp);
        settings["RateLimits:UnsubscribePerMinute"] = "2";
        using var limited = new PortalFactory { Settings = settings };
        var organization = await limited.AddAsync("北海市计划生育协会", DistributionGroup.Send, "beihai@gxjsx.test");
        var link = limited.LinkFor(organization, "beihai@gxjsx.test");
        var client = limited.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/unsubscribe/forged")).StatusCode);
        var refused = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("秒后再试", await refused.Content.ReadAsStringAsync());
        Assert.Null((await limited.ContactAsync("beihai@gxjsx.test")).UnsubscribedAt);
    }

    [Fact]
    public async Task A_dispatch_keeps_unsubscribed_and_stopped_addresses_as_unsent_rows_and_sends_a_shared_address_once()
    {
        var nanning = await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Send, "nanning@gxjsx.test", "shared@gxjsx.test", "stopped@gxjsx.test");
        var qingxiu = await portal.AddAsync("南宁市青秀区计划生育协会", DistributionGroup.Distribute, "shared@gxjsx.test");
        await portal.WithDbAsync(async db =>
        {
            await db.OrganizationContacts.Where(c => c.OrganizationId == nanning && c.Email == "shared@gxjsx.test")
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.UnsubscribedAt, DateTime.UtcNow));
            return await db.OrganizationContacts.Where(c => c.Email == "stopped@gxjsx.test")
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.StoppedAt, DateTime.UtcNow).SetProperty(c => c.HardBounces, 3));
        });
        var issueId = await portal.WithDbAsync(db => db.Issues.Where(i => i.Status == IssueStatus.Published).Select(i => i.Id).FirstAsync());

        var dispatch = await portal.DispatchAgainAsync(issueId);
        var recipients = await portal.WaitForAsync(r => r.Count(x => x.DispatchId == dispatch && x.Status == DeliveryStatus.Sent) == 2);
        var rows = recipients.Where(r => r.DispatchId == dispatch).ToDictionary(r => r.Email, r => (r.Status, r.OrganizationId));
        Assert.Equal(3, rows.Count);
        Assert.Equal((DeliveryStatus.Sent, (int?)nanning), rows["nanning@gxjsx.test"]);
        Assert.Equal((DeliveryStatus.Sent, (int?)qingxiu), rows["shared@gxjsx.test"]); // still receives for 青秀区: one mail
        Assert.Equal((DeliveryStatus.Stopped, (int?)nanning), rows["stopped@gxjsx.test"]);
        Assert.Equal(1, smtp.CountByRecipient()["shared@gxjsx.test"]);
        Assert.False(smtp.CountByRecipient().ContainsKey("stopped@gxjsx.test"));
    }
}
