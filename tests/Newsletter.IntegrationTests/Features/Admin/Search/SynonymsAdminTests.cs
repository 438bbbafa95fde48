using System.Net;
using Newsletter.IntegrationTests.Features.Search;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Search;

/// <summary>The search's synonym list on /admin/search: seeded, replaced whole, applied to the next search without a reindex.</summary>
public sealed class SynonymsAdminTests : IDisposable
{
    private const string Page = "/admin/search";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static async Task<string> ListAsync(HttpClient admin) =>
        (await admin.PageAsync(Page)).QuerySelector("textarea#Lines")!.TextContent.Trim();

    [Fact]
    public async Task The_default_list_is_shown_and_a_new_group_applies_to_the_next_search()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var list = await ListAsync(admin);
        Assert.Contains("计生协=计划生育协会=计生协会", list);
        Assert.Contains("卫健委=卫生健康委员会=卫生健康委", list);
        var reader = portal.CreateClient();
        Assert.Equal(0, (await SearchPage.GetAsync(reader, "兔唇义诊")).Count);

        var saved = await admin.PostFieldsAsync(Page, "/admin/search/synonyms", ("Lines", list + "\n 兔唇义诊 ＝ 唇腭裂 \n\n"));
        Assert.Contains("同义词表已保存，共 7 组", await admin.FollowAsync(saved));
        Assert.EndsWith("兔唇义诊=唇腭裂", await ListAsync(admin));

        var page = await SearchPage.GetAsync(reader, "兔唇义诊");
        Assert.Equal("广西计生协成功举办2023年生育关怀·微笑行动公益活动", page.Titles[0]);
        Assert.Contains("<mark>唇腭裂</mark>", page.Snippets[0]);
    }

    [Fact]
    public async Task A_wrong_line_is_named_in_Chinese_and_nothing_changes()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var before = await ListAsync(admin);
        var response = await admin.PostFieldsAsync(Page, "/admin/search/synonyms", ("Lines", "托育=婴幼儿照护\n只有一个词\n" + new string('长', 31) + "=长"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await AdminForms.MainTextAsync(response);
        Assert.Contains("第 2 行：“只有一个词”：一行至少要有两个用“=”隔开的不同说法。", text);
        Assert.Contains("第 3 行：“" + new string('长', 31) + "”超过 30 个字。", text);
        Assert.Equal(before, await ListAsync(admin));
        Assert.Equal(2, (await SearchPage.GetAsync(portal.CreateClient(), "托育")).Count);
    }
}
