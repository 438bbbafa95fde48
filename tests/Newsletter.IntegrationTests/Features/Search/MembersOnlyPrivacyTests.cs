using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>
/// A members-only issue leaves no trace for anonymous readers: the search page's 年份 and 单位 lists come from the issues
/// the reader may see, and members' copies of its print view and PDF are marked for no cache to keep. The seed issue is
/// made members-only (moved to 2019, one article from 保密单位甲); a public 2023年第3期 is published beside it.
/// </summary>
public sealed class MembersOnlyPrivacyTests : IDisposable
{
    private const string HiddenOrganization = "保密单位甲";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Task HideSeedIssueAsync() => portal.WithDbAsync(async db =>
    {
        var issue = await db.Issues.Include(i => i.Articles).SingleAsync();
        issue.Visibility = IssueVisibility.MembersOnly;
        issue.Year = 2019;
        issue.Articles.OrderBy(a => a.Id).First().AttributionOrganization = HiddenOrganization;
        return await db.SaveChangesAsync();
    });

    private static async Task<(List<string> Years, List<string> Organizations)> FiltersAsync(HttpClient client)
    {
        var (response, page, _) = await client.GetPageAsync("/search");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<string> Options(string select) => page.QuerySelectorAll($"select#{select} option")
            .Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
        return (Options("year"), Options("org"));
    }

    [Fact]
    public async Task Search_filters_list_only_the_years_and_organisations_of_issues_the_reader_may_see()
    {
        await HideSeedIssueAsync();
        await portal.PublishNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");

        var (years, organizations) = await FiltersAsync(portal.CreateClient());
        Assert.Equal(["2023"], years);
        Assert.Equal(["桂林市叠彩区计生协"], organizations);

        var (memberYears, memberOrganizations) = await FiltersAsync(await portal.SignedInAsync(Roles.Member));
        Assert.Equal(["2023", "2019"], memberYears);
        Assert.Contains(HiddenOrganization, memberOrganizations);
        Assert.Contains("桂林市叠彩区计生协", memberOrganizations);
    }

    [Fact]
    public async Task Members_only_print_view_and_pdf_are_private_and_not_stored()
    {
        await HideSeedIssueAsync();
        var member = await portal.SignedInAsync(Roles.Member);

        foreach (var url in new[] { "/issues/2019/2/print", "/issues/2019/2.pdf" })
        {
            var response = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl;
            Assert.True(cacheControl is { Private: true, NoStore: true }, $"{url}: Cache-Control: {cacheControl}");
        }

        var anonymous = await portal.Browser().GetAsync("/issues/2019/2/print");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode); // the page for 会员单位, not the issue
        Assert.Contains("仅供会员单位阅读", await anonymous.Content.ReadAsStringAsync());
    }
}
