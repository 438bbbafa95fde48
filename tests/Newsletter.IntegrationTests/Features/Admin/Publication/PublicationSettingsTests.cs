using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Publication;

/// <summary>刊物设置 through its form: what is saved is printed on the issue page, the print view and the layout at once.</summary>
public sealed class PublicationSettingsTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static Dictionary<string, string> Fields(Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "计生协工作通讯", ["IssuingBody"] = "广西壮族自治区计划生育协会秘书处", ["Sponsor"] = "广西壮族自治区计划生育协会",
            ["MarkAsInternalMaterial"] = "true", ["InternalMaterialLine"] = "内部资料 注意保存", ["PrintPermitNumber"] = "桂内资准字第 0123 号",
            ["DefaultSendTo"] = "自治区计生协会长", ["DefaultDistributeTo"] = "各市、县（市、区）计划生育协会",
        };
        change?.Invoke(fields);
        return fields;
    }

    private Task<Web.Domain.Publication> ReadAsync() => portal.WithDbAsync(db => db.Publications.AsNoTracking().SingleAsync());

    [Fact]
    public async Task Each_field_is_saved_and_printed_on_the_issue_page_the_print_view_and_the_layout()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var reader = portal.Browser();
        Assert.Contains("内部资料 免费交流", await reader.GetStringAsync("/issues/2023/2")); // now cached for anonymous readers

        var saved = await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields());
        Assert.Contains("刊物设置已保存", await admin.FollowAsync(saved));

        var p = await ReadAsync();
        Assert.Equal(("计生协工作通讯", "广西壮族自治区计划生育协会秘书处", "广西壮族自治区计划生育协会", true, "内部资料 注意保存", "桂内资准字第 0123 号", IssueVisibility.Public, "自治区计生协会长", "各市、县（市、区）计划生育协会"),
            (p.Name, p.IssuingBody, p.Sponsor, p.MarkAsInternalMaterial, p.InternalMaterialLine, p.PrintPermitNumber, p.DefaultVisibility, p.DefaultSendTo, p.DefaultDistributeTo));
        var issue = await reader.PageAsync("/issues/2023/2");
        Assert.Equal("计生协工作通讯", issue.QuerySelector("#issue-title")!.TextContent.Trim());
        Assert.Contains("主办：广西壮族自治区计划生育协会", issue.QuerySelector(".masthead-meta")!.TextContent);
        Assert.Contains("广西壮族自治区计划生育协会秘书处", issue.QuerySelector(".masthead-meta")!.TextContent);
        Assert.Contains("内部资料 注意保存", issue.QuerySelector("body > footer")!.TextContent);
        var print = await reader.PageAsync("/issues/2023/2/print");
        Assert.Equal("内部资料 注意保存　准印证号：桂内资准字第 0123 号", print.QuerySelector(".bf-internal")!.TextContent.Trim());

        await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields(f => f.Remove("MarkAsInternalMaterial")));
        Assert.Null((await reader.PageAsync("/issues/2023/2/print")).QuerySelector(".bf-internal"));
        Assert.DoesNotContain("内部资料", (await reader.PageAsync("/issues/2023/2")).QuerySelector("body > footer")!.TextContent);

        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Web.Domain.Publication)).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["修改刊物设置", "修改刊物设置"], audit.Select(e => e.Action));
        Assert.Contains("主办单位：（空） → 广西壮族自治区计划生育协会", audit[0].Detail);
        Assert.Equal("印内部资料字样：是 → 否", audit[1].Detail);
    }

    [Fact]
    public async Task Members_only_by_default_hides_the_archive_from_anonymous_readers()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var reader = portal.Browser();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/issues/2023/2")).StatusCode);

        await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields(f => f["MembersOnlyByDefault"] = "true"));

        Assert.Equal(IssueVisibility.MembersOnly, (await ReadAsync()).DefaultVisibility);
        var hidden = await reader.GetAsync("/issues/2023/2");
        Assert.Equal(HttpStatusCode.Unauthorized, hidden.StatusCode); // the page for 会员单位, with its sign-in link
        Assert.Contains("/account/login?returnUrl=", await hidden.Content.ReadAsStringAsync());
        var member = await portal.SignedInAsync(Roles.Member);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/issues/2023/2")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_chinese_and_changes_nothing()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var before = await ReadAsync();

        var empty = await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields(f => f["Name"] = " "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写刊名。", await AdminForms.MainTextAsync(empty));
        var tooLong = await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields(f => f["Sponsor"] = new string('协', 101)));
        Assert.Contains("主办单位不能超过 100 个字。", await AdminForms.MainTextAsync(tooLong));
        var noLine = await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields(f => f["InternalMaterialLine"] = ""));
        Assert.Contains("要印“内部资料”字样，请填写它的写法", await AdminForms.MainTextAsync(noLine));
        // A checkbox sent with a value no form sends (the security scan's 500): refused like any other field, the form shown again.
        var notBoolean = await admin.PostFormAsync("/admin/publication", "/admin/publication", Fields(f => f["MembersOnlyByDefault"] = "x"));
        Assert.Equal(HttpStatusCode.BadRequest, notBoolean.StatusCode);
        var notBooleanText = await AdminForms.MainTextAsync(notBoolean);
        Assert.Contains("“x”不是有效的", notBooleanText);
        Assert.DoesNotContain("is not valid", notBooleanText);

        var after = await ReadAsync();
        Assert.Equal((before.Name, before.Sponsor, before.InternalMaterialLine), (after.Name, after.Sponsor, after.InternalMaterialLine));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(Web.Domain.Publication))));
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["publication"] = await admin.GetStringAsync("/admin/publication"), ["refused"] = await empty.Content.ReadAsStringAsync(),
        }));
    }
}
