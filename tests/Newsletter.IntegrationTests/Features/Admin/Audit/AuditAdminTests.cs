using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Newsletter.Web.Domain;
using Newsletter.Web.Infrastructure;

namespace Newsletter.IntegrationTests.Features.Admin.Audit;

/// <summary>操作日志 shows what the administrator pages did, newest first, and filters it.</summary>
public sealed partial class AuditAdminTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private sealed record Row(string Time, string Who, string What, string Action, string Change, string Detail);

    private static async Task<(List<Row> Rows, IDocument Page)> AuditAsync(HttpClient admin, string query = "")
    {
        var page = await admin.PageAsync("/admin/audit" + query);
        // Sign-ins are logged too (Account/SignInAuditTests); these tests are about the changes the pages make.
        var rows = page.QuerySelectorAll("table.audit-log tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => new Row(c[0], c[1], c[2], c[3], c[4], c[5])).Where(r => !r.What.StartsWith("登录", StringComparison.Ordinal)).ToList();
        return (rows, page);
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ChineseFormat.ChinaTime));

    private static string ChinaToday(int addDays = 0) => Today.AddDays(addDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>管理员甲 creates 覃管理 (an administrator) and disables a user; 覃管理 adds and deletes words.</summary>
    private async Task<HttpClient> ActAsync()
    {
        await portal.EnsureOrganizationsAsync();
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await admin.CreateUserAsync("覃管理", "qin@admin.test", "自治区计生协", "Qin-Admin-2023", Roles.Administrator);
        await admin.CreateUserAsync("刘名", "liuming@diecai.test", "桂林市叠彩区计生协", "", Roles.Correspondent);
        var edit = $"/admin/users/{await portal.UserIdAsync("liuming@diecai.test")}/edit";
        await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/disable"));

        var qin = await portal.SignedInAsAsync("qin@admin.test", "Qin-Admin-2023");
        await qin.PostFieldsAsync("/admin/words", "/admin/words/bulk", ("Bulk.Lines", "计生协会=计划生育协会\n计生委"));
        var delete = (await qin.PageAsync("/admin/words")).QuerySelector("form[action$='/delete']")!.GetAttribute("action")!;
        await qin.PostFieldsAsync("/admin/words", delete);
        return admin;
    }

    [Fact]
    public async Task The_log_shows_each_change_newest_first_in_china_time()
    {
        var admin = await ActAsync();
        var (rows, _) = await AuditAsync(admin);
        Assert.Equal(["删除错敏词", "添加错敏词", "添加错敏词", "停用", "创建用户", "创建用户"], rows.Select(r => r.Action));
        Assert.Equal(["覃管理", "覃管理", "覃管理", "管理员甲", "管理员甲", "管理员甲"], rows.Select(r => r.Who));
        Assert.All(rows, r => Assert.Matches(TimePattern(), r.Time));
        Assert.StartsWith(ChineseFormat.Date(Today) + " ", rows[0].Time);

        var disable = rows.Single(r => r.Action == "停用");
        Assert.Equal("正常 → 已停用", disable.Change);
        Assert.StartsWith("用户 ", disable.What);
        Assert.Contains("刘名（liuming@diecai.test）", disable.Detail);
        Assert.Contains(rows, r => r.Action == "添加错敏词" && r.Detail == "批量添加：计生协会（建议改为：计划生育协会）");
        Assert.Contains(rows, r => r.Action == "创建用户" && r.Detail == "刘名（liuming@diecai.test），单位：桂林市叠彩区计生协，角色：通讯员，生成初始密码");
    }

    [Fact]
    public async Task The_log_filters_by_user_and_by_kind_of_object()
    {
        var admin = await ActAsync();
        var (byQin, page) = await AuditAsync(admin, "?userName=覃");
        Assert.Equal(3, byQin.Count);
        Assert.All(byQin, r => Assert.Equal("覃管理", r.Who));
        Assert.Equal("覃", page.QuerySelector("#userName")!.GetAttribute("value"));

        var (words, wordsPage) = await AuditAsync(admin, "?entityType=SensitiveWord");
        Assert.Equal(3, words.Count);
        Assert.All(words, r => Assert.StartsWith("错敏词 ", r.What));
        Assert.Equal(["全部", "登录", "错敏词", "用户"], wordsPage.QuerySelectorAll("#entityType option").Select(o => o.TextContent));
        Assert.Equal("SensitiveWord", wordsPage.QuerySelector("#entityType option[selected]")!.GetAttribute("value"));

        var (both, _) = await AuditAsync(admin, "?userName=管理员甲&entityType=User");
        Assert.Equal(["停用", "创建用户", "创建用户"], both.Select(r => r.Action));
        Assert.Empty((await AuditAsync(admin, "?userName=覃&entityType=User")).Rows);
    }

    [Fact]
    public async Task The_log_filters_by_china_dates_and_explains_bad_ones()
    {
        var admin = await ActAsync();
        Assert.Equal(6, (await AuditAsync(admin, $"?from={ChinaToday()}&to={ChinaToday()}")).Rows.Count);
        Assert.Empty((await AuditAsync(admin, $"?to={ChinaToday(-1)}")).Rows);
        Assert.Empty((await AuditAsync(admin, $"?from={ChinaToday(1)}")).Rows);

        var (rows, page) = await AuditAsync(admin, $"?from=2023-13-45&to={ChinaToday(-1)}");
        Assert.Equal(6, rows.Count);
        Assert.Contains("开始日期“2023-13-45”不是有效的日期", page.QuerySelector(".audit-errors")!.TextContent);
        Assert.Contains("已忽略日期条件", page.QuerySelector(".audit-errors")!.TextContent);

        var (reversed, reversedPage) = await AuditAsync(admin, $"?from={ChinaToday(1)}&to={ChinaToday(-1)}");
        Assert.Equal(6, reversed.Count);
        Assert.Contains("开始日期不能晚于结束日期。", reversedPage.QuerySelector(".audit-errors")!.TextContent);
    }

    [Fact]
    public async Task The_log_pages_fifty_entries_at_a_time()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await admin.PostFieldsAsync("/admin/words", "/admin/words/bulk", ("Bulk.Lines", string.Join("\n", Enumerable.Range(1, 60).Select(i => $"词{i}"))));
        var (first, page) = await AuditAsync(admin, "?entityType=SensitiveWord"); // the sign-in is logged too
        Assert.Equal(50, first.Count);
        Assert.Contains("共 60 条", page.QuerySelector("main")!.TextContent);
        var next = page.QuerySelectorAll(".pagination a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        var (second, _) = await AuditAsync(admin, next.Replace("/admin/audit", ""));
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Select(r => r.Detail).Intersect(second.Select(r => r.Detail)));
    }

    [Fact]
    public async Task Entries_about_an_account_name_the_person_not_the_account_id()
    {
        var admin = await ActAsync();
        var liu = await portal.UserIdAsync("liuming@diecai.test");
        var page = await admin.PageAsync("/admin/audit?entityType=User");
        var whats = page.QuerySelectorAll("table.audit-log tbody tr").Select(tr => tr.QuerySelectorAll("td")[2].TextContent.Trim()).ToList();
        Assert.Equal(["用户 刘名（liuming@diecai.test）", "用户 刘名（liuming@diecai.test）", "用户 覃管理（qin@admin.test）"], whats);
        Assert.DoesNotContain(liu, page.QuerySelector("table.audit-log")!.TextContent);

        var (signIns, _) = await AuditAsync(admin, "?entityType=Account");
        var signInPage = await admin.PageAsync("/admin/audit?entityType=Account");
        Assert.Empty(signIns); // AuditAsync leaves the sign-ins out; the page itself shows them by name
        Assert.Contains("登录 管理员甲（", signInPage.QuerySelector("table.audit-log")!.TextContent);
        Assert.DoesNotMatch(Guid(), signInPage.QuerySelector("table.audit-log")!.TextContent);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$")]
    private static partial Regex TimePattern();
}
