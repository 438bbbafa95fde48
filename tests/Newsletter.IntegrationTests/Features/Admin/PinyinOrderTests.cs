using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin;

/// <summary>
/// Alphabetical lists follow pinyin (zh-CN collation), not the code points SQLite's ORDER BY gives: 白 (bai) before 李 (li)
/// before 王 (wang), where code points put 李 first and 白 last.
/// </summary>
public sealed class PinyinOrderTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_user_list_is_sorted_by_name_in_pinyin()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        foreach (var (name, email) in new[] { ("王芳", "wang@test.local"), ("白云", "bai@test.local"), ("李明", "li@test.local") })
        {
            await admin.CreateUserAsync(name, email, "", "", Roles.Correspondent);
        }

        var names = (await admin.PageAsync("/admin/users")).QuerySelectorAll("tbody tr td:first-child")
            .Select(td => td.TextContent.Trim()).Where(n => n is "王芳" or "白云" or "李明").ToList();
        Assert.Equal(["白云", "李明", "王芳"], names);
    }

    [Fact]
    public async Task The_sensitive_word_list_is_sorted_in_pinyin()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await admin.PostFieldsAsync("/admin/words", "/admin/words/bulk", ("Bulk.Lines", "卫健委\n南宁\n百色"));
        var words = (await admin.PageAsync("/admin/words")).QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["百色", "南宁", "卫健委"], words);
    }
}
