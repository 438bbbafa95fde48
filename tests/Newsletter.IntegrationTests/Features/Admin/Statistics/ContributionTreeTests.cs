using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin.Organizations;
using Newsletter.IntegrationTests.Features.My;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Statistics;

/// <summary>
/// 稿件统计 through the organisation tree on the real issue 总第65期: a county's items also count for its city and the
/// region, articles and briefs apart, people compared without spaces, published issues only; the .xlsx and CSV exports.
/// </summary>
public sealed class ContributionTreeTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task The_seed_issue_counts_each_county_for_its_city_and_the_region()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await OrganizationTreeSeed.CreateAsync(admin, portal);

        var page = await admin.PageAsync("/admin/statistics?year=2023");
        var tree = StatisticsTests.Table(page, "by-tree");
        Assert.Equal((0, 1, 1), Figures(tree, "武宣县计生协"));
        Assert.Equal((0, 1, 1), Figures(tree, "来宾市计生协"));
        Assert.Equal((0, 2, 2), Figures(tree, "叠彩区计生协"));
        Assert.Equal((1, 0, 1), Figures(tree, "秀峰区计生协"));
        Assert.Equal((1, 2, 3), Figures(tree, "桂林市计生协"));
        Assert.Equal(2, tree["桂林市计生协"]["基层简讯"]);
        Assert.Equal(1, tree["桂林市计生协"]["经验交流"]);
        Assert.Equal((1, 3, 4), Figures(tree, "广西壮族自治区计划生育协会"));

        var guilin = page.QuerySelectorAll("table.by-tree tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "桂林市计生协");
        Assert.Equal("刘 名", guilin.Children.Last().TextContent.Trim());
        Assert.Contains("七星区华侨旅游经济区计生协", page.QuerySelector(".unmatched")!.TextContent);

        // The exports hold the same numbers: the .xlsx read back with the Open XML SDK, the CSV as text.
        var xlsx = await admin.GetAsync("/admin/statistics/export.xlsx?year=2023");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("稿件统计-2023.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        var sheets = ReadWorkbook(await xlsx.Content.ReadAsByteArrayAsync());
        var treeSheet = sheets["按单位，含下级单位"];
        var heads = treeSheet[1];
        Assert.Equal(["单位", "通讯员", "工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯", "文章", "简讯", "合计"], heads);
        var guilinRow = treeSheet.Single(r => r[0] == "桂林市计生协");
        Assert.Equal(("刘 名", "1", "2", "3"), (guilinRow[1], guilinRow[heads.IndexOf("文章")], guilinRow[heads.IndexOf("简讯")], guilinRow[heads.IndexOf("合计")]));
        Assert.Equal("1", treeSheet.Single(r => r[0] == "来宾市计生协")[heads.IndexOf("简讯")]);
        Assert.Equal("2", sheets["按通讯员"].Single(r => r[0] == "刘 名")[^1]);

        var csv = Encoding.UTF8.GetString((await (await admin.GetAsync("/admin/statistics/export?year=2023")).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Contains("桂林市计生协,刘 名,0,0,0,0,1,2,1,2,3", csv.Split("\r\n"));
        Assert.Contains("武宣县计生协,,0,0,0,0,0,1,0,1,1", csv.Split("\r\n"));
    }

    [Fact]
    public async Task Unpublished_issues_are_not_counted_and_spaces_inside_a_name_do_not_make_another_person()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await OrganizationTreeSeed.CreateAsync(admin, portal);
        await AddIssueAsync(IssueStatus.Draft, 3, "桂林市叠彩区计生协", "刘名");
        await AddIssueAsync(IssueStatus.Published, 4, "桂林市叠彩区计生协", "刘名");

        var page = await admin.PageAsync("/admin/statistics?year=2023");
        var tree = StatisticsTests.Table(page, "by-tree");
        Assert.Equal((0, 3, 3), Figures(tree, "叠彩区计生协"));
        Assert.Equal((1, 3, 4), Figures(tree, "桂林市计生协"));
        var people = StatisticsTests.Table(page, "by-correspondent");
        Assert.Equal(3, people["刘 名"]["合计"]);
        Assert.DoesNotContain("刘名", people.Keys);
    }

    [Fact]
    public async Task A_cell_that_starts_a_formula_is_neutralised_in_the_csv()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var ids = await OrganizationTreeSeed.CreateAsync(admin, portal);
        const string Hostile = "=cmd|' /C calc'!A0";
        await admin.CreateOkAsync(portal, OrganizationPages.Fields(Hostile, "County", ids.Laibin));

        var bytes = await (await admin.GetAsync("/admin/statistics/export?year=2023")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        var line = Assert.Single(lines, l => l.Contains("cmd|", StringComparison.Ordinal));
        Assert.StartsWith("\"'=cmd|", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith('=') || l.Contains(",=", StringComparison.Ordinal));

        // In the workbook it is a text cell, never a formula.
        var sheets = ReadWorkbook(await (await admin.GetAsync("/admin/statistics/export.xlsx?year=2023")).Content.ReadAsByteArrayAsync());
        Assert.Contains(sheets["按单位，含下级单位"], r => r[0] == Hostile);
    }

    private static (int Articles, int Briefs, int Total) Figures(Dictionary<string, Dictionary<string, int>> table, string name) =>
        (table[name]["文章"], table[name]["简讯"], table[name]["合计"]);

    /// <summary>An issue of 2023 in the given state with one brief: written directly, as no page makes a published issue in one step.</summary>
    private Task<int> AddIssueAsync(IssueStatus status, int number, string attribution, string correspondents) => portal.WithDbAsync(async db =>
    {
        var briefs = await db.Sections.SingleAsync(s => s.Kind == SectionKind.Briefs);
        var now = DateTime.UtcNow;
        var issue = new Issue { Year = 2023, Number = number, CoverMonth = 6, Status = status, CreatedAt = now, UpdatedAt = now, PublishedAt = status == IssueStatus.Published ? now : null };
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        db.Articles.Add(new Article
        {
            Title = $"第{number}期的简讯", IssueId = issue.Id, SectionId = briefs.Id, Position = 1, Body = "简讯正文。",
            AttributionOrganization = attribution, Correspondents = correspondents, Status = ArticleStatus.Accepted, CreatedAt = now, UpdatedAt = now,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>Each sheet by name: its rows as text (numbers as written), read with the Open XML SDK.</summary>
    internal static Dictionary<string, List<List<string>>> ReadWorkbook(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Descendants<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())
                .ToList());
    }
}
