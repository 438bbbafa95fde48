using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Sections;

/// <summary>栏目设置 through its forms, seen at once on /sections and in the archive (the reading pages' cache evicted).</summary>
public sealed class SectionSettingsTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Task<List<Section>> SectionsAsync() =>
        portal.WithDbAsync(db => db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync());

    private static async Task<List<string>> ReaderSectionsAsync(HttpClient reader) =>
        (await reader.PageAsync("/sections")).QuerySelectorAll("main a[href^='/sections/']").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Admin_renames_reorders_adds_and_deactivates_and_readers_see_it_at_once()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var reader = portal.Browser();
        var used = await portal.WithDbAsync(db => db.Sections.AsNoTracking().Where(s => db.Articles.Any(a => a.SectionId == s.Id)).OrderBy(s => s.SortOrder).FirstAsync());
        var issuePage = "/issues/2023/2";
        Assert.Contains(used.Name, await reader.GetStringAsync(issuePage)); // cached for anonymous readers from here on
        Assert.Contains("协会活动", await ReaderSectionsAsync(reader));

        var renamed = await admin.PostFormAsync($"/admin/sections/{used.Id}", $"/admin/sections/{used.Id}",
            new() { ["Name"] = "调查研究", ["Slug"] = used.Slug, ["Kind"] = used.Kind.ToString() });
        Assert.Contains("栏目“调查研究”已保存", await admin.FollowAsync(renamed));
        var moved = await admin.PostFormAsync("/admin/sections", "/admin/sections/2/move", new() { ["delta"] = "-1" });
        Assert.Contains("栏目顺序已调整", await admin.FollowAsync(moved));
        var added = await admin.PostFormAsync("/admin/sections", "/admin/sections/new", new() { ["Add.Name"] = "理论研究", ["Add.Slug"] = "theory", ["Add.Kind"] = "Articles" });
        Assert.Contains("已新建栏目“理论研究”", await admin.FollowAsync(added));
        var deactivated = await admin.PostFormAsync("/admin/sections", "/admin/sections/5/active", new() { ["active"] = "false" });
        Assert.Contains("栏目已停用", await admin.FollowAsync(deactivated));

        var expected = (await SectionsAsync()).Where(s => s.IsActive).Select(s => s.Name).ToList();
        Assert.Equal("协会活动", expected[0]);
        Assert.Equal("理论研究", expected[^1]);
        Assert.DoesNotContain("经验交流", expected);
        Assert.Equal(expected, await ReaderSectionsAsync(reader));
        var archive = await reader.GetStringAsync(issuePage);
        Assert.Contains("调查研究", archive);
        Assert.DoesNotContain($">{used.Name}<", archive);
        Assert.Equal(200, (int)(await reader.GetAsync("/sections/theory")).StatusCode);

        var reactivated = await admin.PostFormAsync("/admin/sections", "/admin/sections/5/active", new() { ["active"] = "true" });
        Assert.Contains("栏目已启用", await admin.FollowAsync(reactivated));
        Assert.Contains("经验交流", await ReaderSectionsAsync(reader));

        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Section)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["修改栏目", "调整栏目顺序", "新建栏目", "停用栏目", "启用栏目"], audit);
    }

    [Fact]
    public async Task Duplicate_names_and_bad_slugs_are_refused_in_chinese_and_a_section_with_articles_is_not_deleted()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var before = await SectionsAsync();

        var duplicate = await admin.PostFormAsync("/admin/sections", "/admin/sections/new", new() { ["Add.Name"] = "工作调研", ["Add.Kind"] = "Articles" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已有名为“工作调研”的栏目，栏目名称不能重复。", await AdminForms.MainTextAsync(duplicate));
        var renamedOnto = await admin.PostFormAsync("/admin/sections/2", "/admin/sections/2", new() { ["Name"] = "基层简讯", ["Kind"] = "Articles" });
        Assert.Contains("已有名为“基层简讯”的栏目", await AdminForms.MainTextAsync(renamedOnto));
        var badSlug = await admin.PostFormAsync("/admin/sections", "/admin/sections/new", new() { ["Add.Name"] = "理论", ["Add.Slug"] = "理论 Theory" });
        Assert.Contains("网址名只能用小写英文字母、数字和连字符", await AdminForms.MainTextAsync(badSlug));
        var empty = await admin.PostFormAsync("/admin/sections", "/admin/sections/new", new() { ["Add.Name"] = " " });
        Assert.Contains("请填写栏目名称。", await AdminForms.MainTextAsync(empty));
        var used = await portal.WithDbAsync(db => db.Sections.AsNoTracking().FirstAsync(s => db.Articles.Any(a => a.SectionId == s.Id)));
        var delete = await admin.PostFormAsync("/admin/sections", $"/admin/sections/{used.Id}/delete", new());
        Assert.Contains("下有稿件，不能删除，只能停用", await admin.FollowAsync(delete));
        Assert.Equal(404, (int)(await admin.GetAsync("/admin/sections/99999")).StatusCode);

        Assert.Equal(before.Select(s => (s.Id, s.Name, s.Slug, s.SortOrder, s.IsActive)), (await SectionsAsync()).Select(s => (s.Id, s.Name, s.Slug, s.SortOrder, s.IsActive)));

        var added = await admin.PostFormAsync("/admin/sections", "/admin/sections/new", new() { ["Add.Name"] = "临时栏目", ["Add.Kind"] = "Briefs" });
        var fresh = (await SectionsAsync()).Single(s => s.Name == "临时栏目");
        Assert.Equal((SectionKind.Briefs, "section-7"), (fresh.Kind, fresh.Slug));
        Assert.Contains("栏目已删除", await admin.FollowAsync(await admin.PostFormAsync("/admin/sections", $"/admin/sections/{fresh.Id}/delete", new())));
        Assert.DoesNotContain(await SectionsAsync(), s => s.Name == "临时栏目");

        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["sections"] = await admin.GetStringAsync("/admin/sections"), ["section"] = await admin.GetStringAsync("/admin/sections/1"),
            ["refused"] = await duplicate.Content.ReadAsStringAsync(),
        }));
    }
}
