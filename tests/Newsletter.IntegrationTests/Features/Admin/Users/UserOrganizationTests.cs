using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Users;

/// <summary>A user's 单位 is chosen from the organisation tree: active units in tree order; an unknown id saves nothing.</summary>
public sealed class UserOrganizationTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_select_lists_active_units_region_city_county_and_saves_id_and_name()
    {
        var ids = await portal.EnsureOrganizationsAsync();
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var options = (await admin.PageAsync("/admin/users/new")).QuerySelectorAll("select[name=OrganizationId] option").Select(o => o.TextContent).ToArray();
        Assert.Equal(["（不属于任何单位）", "自治区计生协", "　南宁市计生协", "　桂林市计生协", "　　桂林市秀峰区计生协", "　　桂林市叠彩区计生协"], options);

        var user = await portal.EnsureUserAsync(Roles.Member);
        var edit = $"/admin/users/{user.Id}/edit";
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["new"] = await admin.GetStringAsync("/admin/users/new"), ["edit"] = await admin.GetStringAsync(edit),
            ["list"] = await admin.GetStringAsync("/admin/users"),
        }));
        var saved = await admin.PostFieldsAsync(edit, edit, ("Form.DisplayName", "会员单位甲"), ("Form.OrganizationId", ids["桂林市秀峰区计生协"].ToString()), ("Form.Roles", Roles.Member));
        Assert.Contains("已保存。", await admin.FollowAsync(saved));
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.OrganizationId, u.OrganizationName }).SingleAsync());
        Assert.Equal((ids["桂林市秀峰区计生协"], "桂林市秀峰区计生协"), (stored.OrganizationId!.Value, stored.OrganizationName));
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "修改用户").Select(e => e.Detail).SingleAsync());
        Assert.Contains("单位：自治区计生协 → 桂林市秀峰区计生协", audit);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("inactive")]
    public async Task An_unknown_or_deactivated_unit_is_refused_in_chinese_and_nothing_is_saved(string which)
    {
        var ids = await portal.EnsureOrganizationsAsync();
        var id = which == "inactive" ? ids["已撤销的计生协"].ToString() : which;
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var created = await admin.PostFieldsAsync("/admin/users/new", "/admin/users/new",
            ("DisplayName", "蒙某"), ("Email", "meng@test.local"), ("OrganizationId", id), ("Setup", "Password"), ("Roles", Roles.Member));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("所选单位不存在或已停用，请从列表中选择。", await AdminForms.MainTextAsync(created));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "meng@test.local")));

        var user = await portal.EnsureUserAsync(Roles.Member);
        var edit = $"/admin/users/{user.Id}/edit";
        var refused = await admin.PostFieldsAsync(edit, edit, ("Form.DisplayName", "改了名字"), ("Form.OrganizationId", id), ("Form.Roles", Roles.Member));
        Assert.Contains("所选单位不存在或已停用", await AdminForms.MainTextAsync(refused));
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.DisplayName, u.OrganizationId }).SingleAsync());
        Assert.Equal(("会员单位甲", (int?)null), (stored.DisplayName, stored.OrganizationId));
    }
}
