using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Organizations;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests.Features.My;

/// <summary>
/// 本单位: a 会员单位 account keeps its own organisation's addresses within the limit the administrator sets, every change
/// audited and shown on the organisation's page; crafted ids of another organisation's addresses are 404 and change nothing.
/// </summary>
public sealed class MyOrganizationTests : IDisposable
{
    private const string Page = "/my/organization";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_member_keeps_its_own_addresses_within_the_limit_and_every_change_is_audited()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var ids = await OrganizationTreeSeed.CreateAsync(admin, portal);
        (string, string)[] Limit(string limit) => [.. OrganizationPages.Fields("武宣县计生协", "County", ids.Laibin, "wx@example.cn"), ("Form.ContactLimit", limit)];
        Assert.Contains("本单位账号可保留的邮箱数应是 0 到 100 之间的整数。", await AdminForms.MainTextAsync(await admin.EditAsync(ids.Wuxuan, Limit("101"))));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.EditAsync(ids.Wuxuan, Limit("3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.EditAsync(ids.Wuxuan, Limit("5"))).StatusCode);
        Assert.Equal(["武宣县计生协：本单位邮箱上限：5 → 3", "武宣县计生协：本单位邮箱上限：3 → 5"], await portal.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityId == ids.Wuxuan.ToString() && e.Action == "修改单位").OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync()));
        Assert.Equal("5", (await admin.PageAsync($"/admin/organizations/{ids.Wuxuan}/edit")).QuerySelector("#Form_ContactLimit")!.GetAttribute("value"));
        var member = await MemberAsync("wuxuan@test.local", ids.Wuxuan);

        var page = await member.PageAsync(Page);
        Assert.Equal("武宣县计生协", page.QuerySelector(".organization-name strong")!.TextContent);
        Assert.Equal("5", page.QuerySelector(".contact-limit")!.TextContent);

        // A malformed address is refused in Chinese; nothing is written.
        var bad = await AddAsync(member, "office@@example");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("邮箱“office@@example”格式不正确", await AdminForms.MainTextAsync(bad));
        Assert.Equal(1, await ActiveCountAsync(ids.Wuxuan));

        // Four more (one also 来宾市's: the same address in two organisations is allowed) make five; the sixth is refused.
        foreach (var email in new[] { "a@wx.example.cn", "b@wx.example.cn", "c@wx.example.cn", "lb@example.cn" })
        {
            Assert.Contains("已添加邮箱。", await member.FollowAsync(await AddAsync(member, email)));
        }

        var sixth = await AddAsync(member, "f@wx.example.cn");
        Assert.Contains("本单位最多保留 5 个邮箱", await AdminForms.MainTextAsync(sixth));
        Assert.Equal(5, await ActiveCountAsync(ids.Wuxuan));
        Assert.NotNull((await member.PageAsync(Page)).QuerySelector(".contacts-full"));

        // Correct one (the old address is kept, inactive), remove another: the limit frees a place.
        var a = await ContactIdAsync(ids.Wuxuan, "a@wx.example.cn");
        Assert.Contains("已修改邮箱。", await member.FollowAsync(await member.PostFormAsync(Page, $"{Page}/contacts/{a}/edit",
            new() { ["Email"] = "a2@wx.example.cn", ["Name"] = "办公室" })));
        var b = await ContactIdAsync(ids.Wuxuan, "b@wx.example.cn");
        Assert.Contains("已删除邮箱", await member.FollowAsync(await member.PostFormAsync(Page, $"{Page}/contacts/{b}/remove", [])));
        var contacts = await ContactsAsync(ids.Wuxuan);
        Assert.Equal(["wx@example.cn", "c@wx.example.cn", "lb@example.cn", "a2@wx.example.cn"], contacts.Where(c => c.IsActive).Select(c => c.Email));
        Assert.Equal(["a@wx.example.cn", "b@wx.example.cn"], contacts.Where(c => !c.IsActive).Select(c => c.Email));
        Assert.Equal("办公室", contacts.Single(c => c.Email == "a2@wx.example.cn").Name);
        Assert.Contains("已添加邮箱。", await member.FollowAsync(await AddAsync(member, "f@wx.example.cn")));

        // Audited on the organisation, by the member, and listed for the administrator on the organisation's page.
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Organization" && e.EntityId == ids.Wuxuan.ToString()
            && e.Action.StartsWith("本单位")).OrderBy(e => e.Id).Select(e => new { e.Action, e.Detail, e.UserName }).ToListAsync());
        Assert.Equal(["本单位添加邮箱", "本单位添加邮箱", "本单位添加邮箱", "本单位添加邮箱", "本单位修改邮箱", "本单位删除邮箱", "本单位添加邮箱"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("会员单位甲", e.UserName));
        Assert.Equal("武宣县计生协：a@wx.example.cn → a2@wx.example.cn（办公室）", audit[4].Detail);
        var changes = (await admin.PageAsync($"/admin/organizations/{ids.Wuxuan}/edit")).QuerySelectorAll(".self-changes li").Select(li => li.TextContent).ToList();
        Assert.Equal(7, changes.Count);
        Assert.Contains("本单位删除邮箱：武宣县计生协：b@wx.example.cn", changes[1]);
    }

    [Fact]
    public async Task Crafted_ids_of_another_organisations_address_are_not_found_and_change_nothing()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var ids = await OrganizationTreeSeed.CreateAsync(admin, portal);
        var member = await MemberAsync("wuxuan@test.local", ids.Wuxuan);
        var other = await ContactIdAsync(ids.Laibin, "lb@example.cn");
        var before = await ContactsAsync(ids.Laibin);
        var auditBefore = await portal.WithDbAsync(db => db.AuditEntries.CountAsync());

        var edit = await member.PostFormAsync(Page, $"{Page}/contacts/{other}/edit", new() { ["Email"] = "taken@evil.example.cn" });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Contains("本单位没有这个邮箱。", await AdminForms.MainTextAsync(edit));
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync(Page, $"{Page}/contacts/{other}/remove", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync(Page, $"{Page}/contacts/999999/remove", [])).StatusCode);

        // An organisation id slipped into the form is ignored: the address goes to the member's own organisation.
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(Page, $"{Page}/contacts",
            new() { ["Email"] = "mine@wx.example.cn", ["OrganizationId"] = ids.Laibin.ToString() })).StatusCode);

        var after = await ContactsAsync(ids.Laibin);
        Assert.Equal(before.Select(c => (c.Id, c.Email, c.IsActive)), after.Select(c => (c.Id, c.Email, c.IsActive)));
        Assert.Contains(await ContactsAsync(ids.Wuxuan), c => c.Email == "mine@wx.example.cn");
        Assert.Equal(auditBefore + 1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // The member sees nothing of the other organisation, and nothing of the administrators' pages.
        var own = await member.PageAsync(Page);
        Assert.DoesNotContain("lb@example.cn", own.QuerySelector("main")!.TextContent);
        Assert.Equal("/account/denied", (await member.GetAsync($"/admin/organizations/{ids.Laibin}/edit")).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_account_without_an_organisation_is_told_so_in_chinese()
    {
        var member = await portal.SignedInAsync(Roles.Member, "nobody@test.local");
        foreach (var url in new[] { Page, "/my/contributions", "/my/deliveries" })
        {
            var page = await member.PageAsync(url);
            Assert.Contains("您的账号还没有关联到单位名单中的单位", page.QuerySelector(".no-organization")!.TextContent);
        }

        var add = await AddAsync(member, "a@example.cn");
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.OrganizationContacts.CountAsync(c => c.Email == "a@example.cn")));
    }

    [Fact]
    public async Task A_county_sees_its_own_contributions_and_the_pages_are_valid_html()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var ids = await OrganizationTreeSeed.CreateAsync(admin, portal);
        var wuxuan = await MemberAsync("wuxuan@test.local", ids.Wuxuan);
        var guilin = await MemberAsync("guilin@test.local", ids.Guilin);

        var own = await wuxuan.PageAsync("/my/contributions?year=2023");
        Assert.Equal(("0 篇", "1 篇", "1 篇"), (own.QuerySelector(".articles")!.TextContent, own.QuerySelector(".briefs")!.TextContent, own.QuerySelector(".total")!.TextContent));
        var items = own.QuerySelectorAll(".contribution-items li a").Select(a => a.TextContent).ToList();
        Assert.Single(items);
        Assert.StartsWith("武宣县首个促进儿童早期发展公益项目", items[0]);

        var city = await guilin.PageAsync("/my/contributions");
        Assert.Equal(("1 篇", "2 篇", "3 篇"), (city.QuerySelector(".articles")!.TextContent, city.QuerySelector(".briefs")!.TextContent, city.QuerySelector(".total")!.TextContent));
        Assert.Equal("刘 名", city.QuerySelector(".people")!.TextContent);
        Assert.DoesNotContain(city.QuerySelectorAll(".contribution-items li a"), a => a.TextContent.Contains("武宣", StringComparison.Ordinal));

        var pages = new Dictionary<string, string>
        {
            ["my-organization"] = await wuxuan.GetStringAsync(Page),
            ["my-contributions"] = await wuxuan.GetStringAsync("/my/contributions"),
            ["my-refused"] = await (await AddAsync(wuxuan, "bad@")).Content.ReadAsStringAsync(),
            ["my-deliveries"] = await wuxuan.GetStringAsync("/my/deliveries"),
            ["admin-statistics"] = await admin.GetStringAsync("/admin/statistics"),
            ["admin-organization"] = await admin.GetStringAsync($"/admin/organizations/{ids.Wuxuan}/edit"),
        };
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(pages));
    }

    [Fact]
    public async Task A_county_sees_what_was_sent_to_its_own_addresses_only_without_links_to_the_dispatch_pages()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var ids = await OrganizationTreeSeed.CreateAsync(admin, portal);
        var wuxuan = await MemberAsync("wuxuan@test.local", ids.Wuxuan);
        Assert.Equal("还没有发给这个单位的邮件。", (await wuxuan.PageAsync("/my/deliveries")).QuerySelector("#no-deliveries")!.TextContent);

        // A dispatch of the seed issue to two organisations (as publishing makes it), one address refused.
        await portal.WithDbAsync(async db =>
        {
            var issue = await db.Issues.FirstAsync(i => i.SerialNumber == 65);
            db.Dispatches.Add(new Dispatch
            {
                IssueId = issue.Id, Subject = "工作通讯 2023年第2期(总第65期)", CreatedAt = DateTime.UtcNow, CreatedBy = "主编甲",
                Recipients =
                [
                    new() { OrganizationId = ids.Wuxuan, OrganizationName = "武宣县计生协", Email = "wx@example.cn", Group = DistributionGroup.Distribute, Status = DeliveryStatus.Sent, SentAt = DateTime.UtcNow },
                    new() { OrganizationId = ids.Wuxuan, OrganizationName = "武宣县计生协", Email = "old@wx.example.cn", Group = DistributionGroup.Distribute, Status = DeliveryStatus.Failed, LastError = "550 5.1.1 用户不存在" },
                    new() { OrganizationId = ids.Laibin, OrganizationName = "来宾市计生协", Email = "lb@example.cn", Group = DistributionGroup.Distribute, Status = DeliveryStatus.Sent, SentAt = DateTime.UtcNow },
                ],
            });
            return await db.SaveChangesAsync();
        });

        var page = await wuxuan.PageAsync("/my/deliveries");
        var rows = page.QuerySelectorAll("#deliveries tbody tr").Select(tr => (tr.GetAttribute("data-email"), tr.QuerySelector(".status")!.TextContent)).OrderBy(r => r.Item1).ToList();
        Assert.Equal([("old@wx.example.cn", "失败"), ("wx@example.cn", "已发送")], rows);
        Assert.Contains("2023年第2期(总第65期)", page.QuerySelector("#deliveries tbody")!.TextContent);
        Assert.Contains("550 5.1.1 用户不存在", page.QuerySelector("#deliveries tbody")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#deliveries a"));
        Assert.NotNull((await wuxuan.PageAsync(Page)).QuerySelector("a[href='/my/deliveries']"));
        var adminPage = await admin.PageAsync($"/admin/organizations/{ids.Wuxuan}/deliveries");
        Assert.Equal(2, adminPage.QuerySelectorAll("#deliveries a[href^='/admin/dispatches/']").Length);
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient member, string email) =>
        member.PostFormAsync(Page, $"{Page}/contacts", new() { ["Email"] = email });

    /// <summary>A 会员单位 account of the organisation (set directly: the admin user form gains the field on another branch), signed in.</summary>
    private async Task<HttpClient> MemberAsync(string email, int organizationId)
    {
        await portal.EnsureUserAsync(Roles.Member, email);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.OrganizationId = organizationId;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        return await portal.SignedInAsync(Roles.Member, email);
    }

    private Task<int> ActiveCountAsync(int organizationId) =>
        portal.WithDbAsync(db => db.OrganizationContacts.CountAsync(c => c.OrganizationId == organizationId && c.IsActive));

    private Task<int> ContactIdAsync(int organizationId, string email) =>
        portal.WithDbAsync(db => db.OrganizationContacts.Where(c => c.OrganizationId == organizationId && c.Email == email).Select(c => c.Id).SingleAsync());

    private Task<List<OrganizationContact>> ContactsAsync(int organizationId) =>
        portal.WithDbAsync(db => db.OrganizationContacts.AsNoTracking().Where(c => c.OrganizationId == organizationId).OrderBy(c => c.Id).ToListAsync());
}
