using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Issues;

namespace Newsletter.IntegrationTests.Features.Editorial.Issues;

/// <summary>Building an issue quickly: prefilled from the previous one, several articles placed at once, the order dragged.</summary>
public sealed class ComposeQuicklyTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static string Value(AngleSharp.Dom.IDocument page, string id) =>
        page.QuerySelector($"#{id}")!.GetAttribute("value") ?? page.QuerySelector($"#{id}")!.TextContent;

    [Fact]
    public async Task New_issue_takes_masthead_copies_and_footer_from_the_previous_issue()
    {
        var seed = await portal.WithDbAsync(db => db.Issues.AsNoTracking().OrderByDescending(i => i.Year).ThenByDescending(i => i.Number).FirstAsync());
        await portal.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Id == seed.Id);
            (issue.ChiefEditor, issue.Editor, issue.ResponsibleEditor, issue.Copies) = ("尹 红", "潘绍先", "黄玉鹏", 320);
            (issue.SendTo, issue.DistributeTo) = ("自治区计生协领导", "各市、县（市、区）计生协");
            await db.SaveChangesAsync();
            return 0;
        });
        var editor = await portal.SignedInAsync(Roles.Editor);

        var page = await editor.PageAsync("/editorial/issues/new?year=2023");

        Assert.Equal("尹 红", Value(page, "ChiefEditor"));
        Assert.Equal("潘绍先", Value(page, "Editor"));
        Assert.Equal("黄玉鹏", Value(page, "ResponsibleEditor"));
        Assert.Equal("320", Value(page, "Copies"));
        Assert.Equal("自治区计生协领导", Value(page, "SendTo"));
        Assert.Equal("各市、县（市、区）计生协", Value(page, "DistributeTo"));
        Assert.Equal("3", Value(page, "Number"));
    }

    [Fact]
    public async Task New_first_issue_takes_the_footer_from_the_publication_settings()
    {
        var seeds = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(seeds);
        using var empty = new PortalFactory { SeedsPath = seeds };
        var admin = await empty.SignedInAsync(Roles.Administrator);
        var saved = await admin.PostFormAsync("/admin/publication", "/admin/publication", new()
        {
            ["Name"] = "工作通讯", ["IssuingBody"] = "广西壮族自治区计划生育协会", ["MarkAsInternalMaterial"] = "true",
            ["InternalMaterialLine"] = "内部资料 免费交流", ["DefaultSendTo"] = "自治区计生协会长、副会长", ["DefaultDistributeTo"] = "各市、县（市、区）计划生育协会",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editor = await empty.SignedInAsync(Roles.Editor);

        var page = await editor.PageAsync("/editorial/issues/new?year=2024");

        Assert.Equal("自治区计生协会长、副会长", Value(page, "SendTo"));
        Assert.Equal("各市、县（市、区）计划生育协会", Value(page, "DistributeTo"));
        Assert.Equal("", Value(page, "ChiefEditor"));
        Directory.Delete(seeds, recursive: true);
    }

    /// <summary>Three accepted articles (two 工作调研, one 基层简讯) and a new issue 2023年第3期.</summary>
    private async Task<(HttpClient Editor, int IssueId, int[] Articles)> ArrangeAsync()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        int[] articles =
        [
            await editor.WriteArticleAsync("南宁市开展新时代婚育文化宣传", "正文一。", "1"),
            await editor.WriteArticleAsync("柳州市调研家庭发展", "正文二。", "1"),
            await editor.WriteArticleAsync("叠彩区开展暖心家园活动", "●叠彩区计生协会组织活动。", "6"),
        ];
        foreach (var id in articles)
        {
            await editor.ArticleActionAsync(id, ArticleAction.Accept);
        }

        var issueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6" }));
        return (editor, issueId, articles);
    }

    private Task<List<(int Id, int? IssueId, int? SectionId, int Position)>> PlacedAsync(int[] ids) =>
        portal.WithDbAsync(async db => (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.Id, a.IssueId, a.SectionId, a.Position)).ToList());

    [Fact]
    public async Task Three_checked_articles_are_placed_at_once_and_a_bad_id_places_none()
    {
        var (editor, issueId, articles) = await ArrangeAsync();
        var compose = $"/editorial/issues/{issueId}";
        var page = await editor.PageAsync(compose);
        var boxes = page.QuerySelectorAll("input[type=checkbox][form=place-many]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(articles.Select(a => a.ToString()), boxes);
        Assert.Equal(["工作调研", "基层简讯"], page.QuerySelectorAll("#place-many ~ h3").Select(h => h.TextContent.Trim()));

        var refused = await editor.PostFieldsAsync(compose, $"{compose}/place-many", ("articleIds", articles[0].ToString()), ("articleIds", "999999"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("这次一篇也没有编入", await AdminForms.MainTextAsync(refused));
        Assert.All(await PlacedAsync(articles), a => Assert.Null(a.IssueId));

        var placed = await editor.PostFieldsAsync(compose, $"{compose}/place-many", [.. articles.Select(a => ("articleIds", a.ToString()))]);

        Assert.Contains("已编入 3 篇稿件", await editor.FollowAsync(placed));
        Assert.Equal([(articles[0], issueId, 1, 1), (articles[1], issueId, 1, 2), (articles[2], issueId, 6, 1)], (await PlacedAsync(articles)).Select(a => (a.Id, a.IssueId, a.SectionId, a.Position)));
        var audit = await portal.AuditAsync(nameof(Issue), issueId);
        Assert.Equal(3, audit.Count(e => e.Action == "编入稿件"));
    }

    [Fact]
    public async Task Order_endpoint_saves_a_dragged_order_and_refuses_strangers_and_stale_pages()
    {
        var (editor, issueId, articles) = await ArrangeAsync();
        var compose = $"/editorial/issues/{issueId}";
        await editor.PostFieldsAsync(compose, $"{compose}/place-many", [.. articles.Select(a => ("articleIds", a.ToString()))]);
        var list = (await editor.PageAsync(compose)).QuerySelector("ol[data-section-id='1']")!;
        Assert.Equal($"{compose}/order", list.GetAttribute("data-order-url"));
        var version = list.GetAttribute("data-version")!;

        var stranger = await editor.PostFieldsAsync(compose, $"{compose}/order",
            ("sectionId", "1"), ("version", version), ("articleIds", articles[1].ToString()), ("articleIds", articles[2].ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("顺序没有改动", await AdminForms.MainTextAsync(stranger));
        Assert.Equal([1, 2], (await PlacedAsync(articles)).Take(2).Select(a => a.Position));

        var moved = await editor.PostFieldsAsync(compose, $"{compose}/order",
            ("sectionId", "1"), ("version", version), ("articleIds", articles[1].ToString()), ("articleIds", articles[0].ToString()));
        Assert.Contains("顺序已调整", await editor.FollowAsync(moved));
        Assert.Equal([2, 1], (await PlacedAsync(articles)).Take(2).Select(a => a.Position));

        var stale = await editor.PostFieldsAsync(compose, $"{compose}/order",
            ("sectionId", "1"), ("version", version), ("articleIds", articles[0].ToString()), ("articleIds", articles[1].ToString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(IssueService.ChangedMeanwhile, await AdminForms.MainTextAsync(stale));
        Assert.Equal([2, 1], (await PlacedAsync(articles)).Take(2).Select(a => a.Position));
        Assert.Contains(await portal.AuditAsync(nameof(Issue), issueId), e => e.Action == "调整顺序" && e.Detail == "工作调研：《柳州市调研家庭发展》、《南宁市开展新时代婚育文化宣传》");
    }

    [Fact]
    public async Task Compose_page_shows_the_running_contents_as_printed_and_passes_the_html_checker()
    {
        var (editor, issueId, articles) = await ArrangeAsync();
        var compose = $"/editorial/issues/{issueId}";
        var emptyToc = (await editor.PageAsync(compose)).QuerySelector(".running-toc")!;
        Assert.Empty(emptyToc.QuerySelectorAll("h3"));
        var before = await editor.GetStringAsync(compose);
        await editor.PostFieldsAsync(compose, $"{compose}/place-many", [.. articles.Select(a => ("articleIds", a.ToString()))]);

        var (_, page, html) = await editor.GetPageAsync(compose);

        var toc = page.QuerySelector(".running-toc")!;
        Assert.Equal(["工作调研", "基层简讯"], toc.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["南宁市开展新时代婚育文化宣传", "柳州市调研家庭发展"], toc.QuerySelectorAll("ol li").Select(li => li.TextContent.Trim()));
        Assert.Contains("共 1 条简讯", toc.TextContent);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["compose-empty"] = before, ["compose"] = html, ["new"] = await editor.GetStringAsync("/editorial/issues/new"),
        }));
    }
}
