using System.Net;
using Newsletter.Web.Domain;
using Newsletter.Web.Infrastructure;

namespace Newsletter.IntegrationTests.Features.Admin.Words;

/// <summary>错敏词 through the real forms: add one, refuse duplicates, add many, delete.</summary>
public sealed class SensitiveWordsAdminTests : IDisposable
{
    private const string Page = "/admin/words";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static Task<HttpResponseMessage> AddAsync(HttpClient admin, string word, string suggestion = "") =>
        admin.PostFieldsAsync(Page, "/admin/words/add", ("Add.Word", word), ("Add.Suggestion", suggestion));

    private static Task<HttpResponseMessage> BulkAsync(HttpClient admin, string lines) =>
        admin.PostFieldsAsync(Page, "/admin/words/bulk", ("Bulk.Lines", lines));

    /// <summary>The list as 错敏词 → (建议改为, 添加日期).</summary>
    private static async Task<Dictionary<string, (string Suggestion, string Date)>> ListAsync(HttpClient admin) =>
        (await admin.PageAsync(Page)).QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => (cells[1], cells[2]));

    [Fact]
    public async Task A_word_is_added_trimmed_with_its_suggestion_and_date()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        Assert.Contains("已添加“计生协会”。", await admin.FollowAsync(await AddAsync(admin, "  计生协会 ", " 计划生育协会 ")));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ChineseFormat.ChinaTime));
        Assert.Equal(("计划生育协会", ChineseFormat.Date(today)), (await ListAsync(admin))["计生协会"]);
    }

    [Fact]
    public async Task A_duplicate_or_empty_or_too_long_word_is_refused()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await AddAsync(admin, "计生协会");
        var again = await AddAsync(admin, " 计生协会");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("“计生协会”已在词表中。", await AdminForms.MainTextAsync(again));

        Assert.Contains("请填写错敏词。", await AdminForms.MainTextAsync(await AddAsync(admin, "   ")));
        Assert.Contains("错敏词不能超过 50 个字。", await AdminForms.MainTextAsync(await AddAsync(admin, new string('错', 51))));
        Assert.Equal(["计生协会"], (await ListAsync(admin)).Keys);
    }

    [Fact]
    public async Task Bulk_add_reports_what_was_added_and_what_was_skipped()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await AddAsync(admin, "计生协会");
        var text = await admin.FollowAsync(await BulkAsync(admin, "计生协会=计划生育协会\r\n\r\n 计生委 = 卫生健康委员会\n独生子女＝\n" + new string('长', 51) + "\n计生委\n"));
        Assert.Contains("已添加 2 个错敏词。", text);
        Assert.Contains("已在词表中而跳过 2 个：计生协会、计生委。", text);
        Assert.Contains("超过 50 个字而未添加 1 个", text);

        var words = await ListAsync(admin);
        Assert.Equal(["独生子女", "计生协会", "计生委"], words.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("卫生健康委员会", words["计生委"].Suggestion);
        Assert.Equal("", words["独生子女"].Suggestion);
        Assert.Equal("", words["计生协会"].Suggestion);
    }

    [Fact]
    public async Task A_word_can_be_deleted_and_an_unknown_one_is_404()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await AddAsync(admin, "计生协会");
        await AddAsync(admin, "计生委");
        var form = (await admin.PageAsync(Page)).QuerySelectorAll("tbody tr")
            .Single(tr => tr.QuerySelector(".word")!.TextContent == "计生委").QuerySelector("form")!;
        var action = form.GetAttribute("action")!;
        Assert.Contains("已删除“计生委”。", await admin.FollowAsync(await admin.PostFieldsAsync(Page, action)));
        Assert.Equal(["计生协会"], (await ListAsync(admin)).Keys);

        var gone = await admin.PostFieldsAsync(Page, action);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("没有这个错敏词", await AdminForms.MainTextAsync(gone));
    }
}
