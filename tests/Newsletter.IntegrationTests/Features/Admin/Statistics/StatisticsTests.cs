using System.Net;
using System.Text;
using AngleSharp.Dom;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Statistics;

/// <summary>稿件统计 on the seed issue 2023年第2期(总第65期): per organisation and per correspondent, by section; and as CSV.</summary>
public sealed class StatisticsTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>A table as name → (column → count), empty cells read as 0.</summary>
    internal static Dictionary<string, Dictionary<string, int>> Table(IDocument page, string id)
    {
        var table = page.QuerySelector($"table.{id}")!;
        var heads = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        return table.QuerySelectorAll("tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(),
            tr => tr.Children.Select((cell, i) => (Head: heads[i], Text: cell.TextContent.Trim()))
                .Where(c => c.Head is not ("单位" or "署名单位" or "通讯员" or "所属单位"))
                .ToDictionary(c => c.Head, c => c.Text.Length == 0 ? 0 : int.Parse(c.Text)));
    }

    [Fact]
    public async Task The_seed_year_counts_items_per_organisation_and_per_correspondent_by_section()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        foreach (var url in new[] { "/admin/statistics", "/admin/statistics?year=2023" })
        {
            var page = await admin.PageAsync(url);
            Assert.Equal("2023", page.QuerySelector("select#year option[selected]")!.GetAttribute("value"));
            Assert.Contains("2023年稿件统计", page.QuerySelector("h1")!.TextContent);
            var heads = page.QuerySelectorAll("table.by-organization thead th").Select(th => th.TextContent.Trim()).ToList();
            Assert.Equal(["署名单位", "工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯", "文章", "简讯", "合计", "通讯员"], heads);

            var organizations = Table(page, "by-organization");
            Assert.Equal(2, organizations["桂林市叠彩区计生协"]["基层简讯"]);
            Assert.Equal(2, organizations["桂林市叠彩区计生协"]["合计"]);
            Assert.Equal(2, organizations["自治区计生协办公室"]["合计"]);

            var people = Table(page, "by-correspondent");
            Assert.Equal(2, people["刘 名"]["基层简讯"]);
            Assert.Equal(2, people["刘 名"]["合计"]);
            Assert.Equal(1, people["吴秀晓"]["合计"]);
            Assert.Equal(1, people["何义萍"]["合计"]);
            Assert.DoesNotContain("刘名", people.Keys);
        }

        var empty = await admin.PageAsync("/admin/statistics?year=2019");
        Assert.Contains("该年没有可统计的稿件。", empty.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_csv_export_has_the_same_rows_in_utf8_with_bom()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var response = await admin.GetAsync("/admin/statistics/export?year=2023");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("稿件统计-2023.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");

        Assert.Contains("署名单位,通讯员,工作调研,协会活动,学习文选,专题党课,经验交流,基层简讯,文章,简讯,合计", lines);
        Assert.Contains("桂林市叠彩区计生协,刘 名,0,0,0,0,0,2,0,2,2", lines);
        Assert.Contains(lines, l => l.StartsWith("自治区计生协办公室,", StringComparison.Ordinal) && l.EndsWith(",2", StringComparison.Ordinal));
        Assert.Contains("通讯员,所属单位,工作调研,协会活动,学习文选,专题党课,经验交流,基层简讯,文章,简讯,合计", lines);
        Assert.Contains("刘 名,桂林市叠彩区计生协,0,0,0,0,0,2,0,2,2", lines);
        Assert.Contains("吴秀晓,合浦县卫生健康局,0,0,0,0,0,1,0,1,1", lines);
    }

    [Fact]
    public async Task Anonymous_visitors_and_editors_do_not_see_the_statistics()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        foreach (var url in new[] { "/admin/statistics?year=2023", "/admin/statistics/export?year=2023", "/admin/statistics/export.xlsx?year=2023" })
        {
            var anonymous = await portal.Browser().GetAsync(url);
            Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);
            var denied = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/account/denied", denied.Headers.Location!.AbsolutePath);
        }
    }
}
