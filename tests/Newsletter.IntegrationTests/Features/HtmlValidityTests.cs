using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features;

/// <summary>
/// The portal's pages are valid HTML by the Nu Html Checker: the reading pages, search, the editors' pages and the
/// administrators' pages, on a portal with the seed issue, a draft, a second published issue and its dispatch.
/// </summary>
public sealed class HtmlValidityTests(HtmlValidityTests.Portal portal) : IClassFixture<HtmlValidityTests.Portal>
{
    public sealed class Portal : PortalFactory, IAsyncLifetime
    {
        public int SeedIssueId { get; private set; }
        public int SeedArticleId { get; private set; }
        public int DraftId { get; private set; }
        public int DispatchId { get; private set; }
        public int DraftIssueId { get; private set; }
        public int ReturnedId { get; private set; }
        public string EditorId { get; private set; } = "";
        public int OrganizationId { get; private set; }

        public async Task InitializeAsync()
        {
            SeedIssueId = await WithDbAsync(db => db.Issues.Where(i => i.SerialNumber == 65).Select(i => i.Id).SingleAsync());
            SeedArticleId = await WithDbAsync(db => db.Articles.Where(a => a.IssueId == SeedIssueId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
            OrganizationId = await this.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test");
            await this.PublishNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。\n\n活动吸引群众300余人参加。");
            DispatchId = await WithDbAsync(db => db.Dispatches.Select(d => d.Id).SingleAsync());
            var editor = await this.SignedInAsync(Roles.Editor);
            DraftId = await editor.WriteArticleAsync("梧州市计生协开展暑期托育服务", "梧州市计生协组织志愿者开展托育服务。");
            EditorId = (await this.EnsureUserAsync(Roles.Editor)).Id;

            // A draft issue with an accepted article waiting to be placed, and an article returned with a note.
            DraftIssueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
                new() { ["Year"] = "2023", ["Number"] = "4", ["SerialNumber"] = "67", ["CoverMonth"] = "8" }));
            var accepted = await editor.WriteArticleAsync("钦州市计生协开展优生优育讲座", "讲座由市妇幼保健院专家主讲。");
            await editor.ArticleActionAsync(accepted, ArticleAction.Accept);
            ReturnedId = await editor.WriteArticleAsync("北海市计生协走访计生特殊家庭", "走访慰问计生特殊家庭20户。");
            await editor.ArticleActionAsync(ReturnedId, ArticleAction.Submit);
            Assert.Equal(HttpStatusCode.Redirect, (await editor.ArticleActionAsync(ReturnedId, ArticleAction.Return, "请补充走访的时间。")).StatusCode);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task The_reading_pages_and_search_have_no_html_errors()
    {
        var reader = portal.Browser();
        var pages = await FetchAsync(reader,
            "/", "/issues", "/issues/2023", "/issues/2023/2", "/issues/2023/3", "/issues/2023/2/print",
            $"/articles/{portal.SeedArticleId}", "/sections", "/sections/research",
            $"/search?q={Uri.EscapeDataString("托育")}", $"/search?q={Uri.EscapeDataString("计生协")}&sort=Date", "/search",
            $"/search?q={Uri.EscapeDataString("唇腭裂手术")}", $"/search?q={Uri.EscapeDataString("武宣县托育")}",
            "/account/login");
        pages["404 page"] = await PageAsync(reader, "/articles/999999", HttpStatusCode.NotFound);

        await AssertValidAsync(pages);
    }

    [Fact]
    public async Task The_editors_pages_have_no_html_errors()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var pages = await FetchAsync(editor,
            "/editorial", "/editorial/articles", "/editorial/articles?filter=all",
            "/editorial/articles/new", $"/editorial/articles/{portal.DraftId}/edit", $"/editorial/articles/{portal.DraftId}",
            $"/editorial/articles/{portal.SeedArticleId}", $"/editorial/articles/{portal.SeedArticleId}/history",
            $"/editorial/articles/{portal.SeedArticleId}/correct",
            "/editorial/issues", "/editorial/issues/new", $"/editorial/issues/{portal.SeedIssueId}",
            $"/editorial/issues/{portal.SeedIssueId}/preview", $"/editorial/issues/{portal.DraftIssueId}",
            $"/editorial/issues/{portal.DraftIssueId}/preview", $"/editorial/articles/{portal.ReturnedId}", "/editorial/articles?filter=accepted", "/editorial/import", "/account/password");

        var invalid = await editor.PostFormAsync("/editorial/articles/new", "/editorial/articles/new", new() { ["Title"] = "", ["Body"] = "" });
        pages["article editor with its error messages"] = await invalid.Content.ReadAsStringAsync();

        await AssertValidAsync(pages);
    }

    [Fact]
    public async Task The_administrators_pages_have_no_html_errors()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var pages = await FetchAsync(admin,
            "/admin/users", "/admin/users/new", $"/admin/users/{portal.EditorId}/edit",
            "/admin/organizations", "/admin/organizations/new", $"/admin/organizations/{portal.OrganizationId}/edit",
            "/admin/organizations/import", "/admin/words", "/admin/audit",
            "/admin/dispatches", $"/admin/dispatches/{portal.DispatchId}", "/admin/search", "/admin/statistics",
            $"/admin/organizations/{portal.OrganizationId}/deliveries");

        await AssertValidAsync(pages);
    }

    [Fact]
    public async Task The_checker_reports_broken_markup()
    {
        var findings = await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["broken"] = "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>坏页</title></head><body><p><div>块</div></p></body></html>",
        });

        var finding = Assert.Single(findings);
        Assert.Equal("broken", finding.Page);
        Assert.Contains("“p”", finding.Message);
    }

    private static async Task<Dictionary<string, string>> FetchAsync(HttpClient client, params string[] urls)
    {
        var pages = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            pages[url] = await PageAsync(client, url, HttpStatusCode.OK);
        }

        return pages;
    }

    private static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}, not {(int)expected}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task AssertValidAsync(Dictionary<string, string> pages)
    {
        var findings = await NuHtmlChecker.ErrorsAsync(pages);
        Assert.True(findings.Count == 0,
            $"The Nu Html Checker found {findings.Count} error(s):\n" + string.Join("\n", findings));
    }
}
