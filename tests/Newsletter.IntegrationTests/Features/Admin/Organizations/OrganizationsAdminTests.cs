using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;
using Newsletter.IntegrationTests.Security;
using Newsletter.Web.Domain;
using static Newsletter.IntegrationTests.Features.Admin.Organizations.OrganizationPages;

namespace Newsletter.IntegrationTests.Features.Admin.Organizations;

/// <summary>单位与发送名单 through the real forms: the tree, addresses, 送/发, parents, 停用/启用, and who may use it.</summary>
public sealed class OrganizationsAdminTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task A_region_city_county_tree_with_addresses_and_lists_shows_on_the_tree_page()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var region = await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region", send: "Active"));
        var city = await admin.CreateOkAsync(portal, Fields("  桂林市计生协 ", "City", region, "gl@example.cn", distribute: "Active"));
        var county = await admin.CreateOkAsync(portal, Fields("桂林市叠彩区计生协", "County", city,
            " dc@example.cn \r\nOffice@DieCai.example.cn\r\n\r\ndc@example.cn", send: "Active", distribute: "Suspended"));
        await admin.CreateOkAsync(portal, Fields("自治区卫生健康委", "Body", emails: "wjw@example.gov.cn", send: "Active"));

        var tree = await admin.TreeAsync();
        Assert.Equal(
            [("tree", "广西壮族自治区计划生育协会", 0), ("tree", "桂林市计生协", 1), ("tree", "桂林市叠彩区计生协", 2), ("bodies", "自治区卫生健康委", 0)],
            tree.Select(r => (r.Table, r.Name, r.Depth)));
        var row = tree.Single(r => r.Id == county);
        Assert.Equal(("县（市、区）", "正常", false), (row.Kind, row.Status, row.Greyed));
        Assert.Equal(["dc@example.cn", "Office@DieCai.example.cn"], row.Emails);
        Assert.Equal(["送：正常", "发：暂停"], row.Groups);
        Assert.Equal(["发：正常"], tree.Single(r => r.Id == city).Groups);
        Assert.Equal("机关及其他", tree.Single(r => r.Table == "bodies").Kind);

        var again = await admin.CreateAsync(Fields("桂林市计生协 ", "City", region));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("单位“桂林市计生协”已存在。", await AdminForms.MainTextAsync(again));
        Assert.Equal(4, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Organization").Select(e => e.Action).ToListAsync());
        Assert.Equal(4, audit.Count(a => a == "新建单位"));
    }

    [Fact]
    public async Task A_bad_address_is_refused_and_nothing_is_saved()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var refused = await admin.CreateAsync(Fields("南宁市计生协", "City", emails: "nn@example.cn\nnn@@example.cn", send: "Active"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("第2个邮箱“nn@@example.cn”格式不正确。", await AdminForms.MainTextAsync(refused));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Organizations.CountAsync()));

        var id = await admin.CreateOkAsync(portal, Fields("南宁市计生协", "City", emails: "nn@example.cn"));
        foreach (var bad in new[] { "办公室 <nn2@example.cn>", "nn2@example", "nn2@example..cn", ".nn2@example.cn", "南宁@example.cn" })
        {
            var edit = await admin.EditAsync(id, Fields("南宁市计生协", "City", emails: $"nn@example.cn\n{bad}"));
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            Assert.Contains("第2个邮箱", await AdminForms.MainTextAsync(edit));
        }

        var emails = await portal.WithDbAsync(db => db.OrganizationContacts.Select(c => c.Email).ToListAsync());
        Assert.Equal(["nn@example.cn"], emails);
    }

    [Fact]
    public async Task A_parent_that_is_the_organisation_itself_or_below_it_is_refused()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var region = await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region"));
        var city = await admin.CreateOkAsync(portal, Fields("柳州市计生协", "City", region));
        var county = await admin.CreateOkAsync(portal, Fields("柳江区计生协", "County", city));

        foreach (var parent in new[] { county, city, region })
        {
            var refused = await admin.EditAsync(region, Fields("广西壮族自治区计划生育协会", "Region", parent));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("上级单位不能是这个单位自己或它的下级单位。", await AdminForms.MainTextAsync(refused));
        }

        var options = (await admin.PageAsync($"{List}/{city}/edit")).QuerySelectorAll("select[name='Form.ParentId'] option")
            .Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", region.ToString()], options);
        Assert.Null(await portal.WithDbAsync(db => db.Organizations.Where(o => o.Id == region).Select(o => o.ParentId).SingleAsync()));

        Assert.Contains("已保存。", await admin.FollowAsync(await admin.EditAsync(county, Fields("柳江区计生协", "County", region))));
        Assert.Equal(1, (await admin.TreeAsync()).Single(r => r.Id == county).Depth);
    }

    [Fact]
    public async Task An_organisation_is_deactivated_and_reactivated_never_deleted()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var id = await admin.CreateOkAsync(portal, Fields("北海市计生协", "City", emails: "bh@example.cn", send: "Active"));
        var edit = $"{List}/{id}/edit";

        Assert.Contains("已停用“北海市计生协”", await admin.FollowAsync(await admin.PostFieldsAsync(edit, $"{List}/{id}/deactivate")));
        var row = (await admin.TreeAsync()).Single(r => r.Id == id);
        Assert.Equal(("已停用", true), (row.Status, row.Greyed));
        Assert.Contains("启用单位", (await admin.PageAsync(edit)).QuerySelector("main")!.TextContent);

        Assert.Contains("已启用“北海市计生协”。", await admin.FollowAsync(await admin.PostFieldsAsync(edit, $"{List}/{id}/activate")));
        row = (await admin.TreeAsync()).Single(r => r.Id == id);
        Assert.Equal(("正常", false), (row.Status, row.Greyed));
        Assert.Equal(["bh@example.cn"], row.Emails);

        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Organization" && e.EntityId == id.ToString())
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.FromStatus, e.ToStatus }).ToListAsync());
        Assert.Equal(["新建单位", "停用单位", "启用单位"], audit.Select(a => a.Action));
        Assert.Equal(("正常", "已停用"), (audit[1].FromStatus, audit[1].ToStatus));
        Assert.DoesNotContain(EndpointAuthorizationTests.Actions(portal.Services),
            a => a.Folder == "Admin/Organizations" && (a.Method == "DELETE" || a.Template.Contains("delete", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_removed_address_is_deactivated_and_comes_back_when_added_again()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var id = await admin.CreateOkAsync(portal, Fields("钦州市计生协", "City", emails: "a@qz.example.cn\nb@qz.example.cn", send: "Active"));
        Assert.Contains("已保存。", await admin.FollowAsync(await admin.EditAsync(id, Fields("钦州市计生协", "City", emails: "b@qz.example.cn", send: "Suspended"))));

        var contacts = await portal.WithDbAsync(db => db.OrganizationContacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.Email, c.IsActive }).ToListAsync());
        Assert.Equal([("a@qz.example.cn", false), ("b@qz.example.cn", true)], contacts.Select(c => (c.Email, c.IsActive)));
        Assert.Equal(["b@qz.example.cn"], (await admin.TreeAsync()).Single().Emails);
        Assert.Equal(["送：暂停"], (await admin.TreeAsync()).Single().Groups);
        Assert.Contains("已停用的邮箱：a@qz.example.cn", (await admin.PageAsync($"{List}/{id}/edit")).QuerySelector("main")!.TextContent);

        await admin.EditAsync(id, Fields("钦州市计生协", "City", emails: "b@qz.example.cn\nA@qz.example.cn"));
        var after = await portal.WithDbAsync(db => db.OrganizationContacts.OrderBy(c => c.Id).Select(c => new { c.Id, c.Email, c.IsActive }).ToListAsync());
        Assert.Equal(contacts.Select(c => c.Id), after.Select(c => c.Id));
        Assert.All(after, c => Assert.True(c.IsActive));
        Assert.Empty(await portal.WithDbAsync(db => db.GroupMemberships.ToListAsync()));

        var detail = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "修改单位").OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync());
        Assert.Equal("钦州市计生协：邮箱：停用 a@qz.example.cn；送：正常 → 暂停", detail[0]);
        Assert.Equal("钦州市计生协：邮箱：增加 A@qz.example.cn；送：暂停 → 无", detail[1]);
    }

    [Fact]
    public async Task An_unknown_organisation_is_404_in_chinese()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var response = await admin.GetAsync($"{List}/4242/edit");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这个单位。", await AdminForms.MainTextAsync(response));
        var post = await admin.PostFieldsAsync(List, $"{List}/4242/deactivate");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Correspondent)]
    [InlineData(Roles.Member)]
    public async Task Others_are_denied(string role)
    {
        var user = await portal.SignedInAsync(role);
        foreach (var url in new[] { List, List + "/new", List + "/export", ImportPage, "/admin/statistics", "/admin/statistics/export" })
        {
            var response = await user.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
        }

        var post = await user.PostFormAsync("/account/password", List + "/new", new() { ["Form.Name"] = "越权单位", ["Form.Kind"] = "City" });
        Assert.Equal("/account/denied", post.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
    }
}
