using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// The rules of decision 0002's "What other issues have" against a real database: a 增刊 has its own number series, and
/// duplicates are judged by the masthead year, not the printing year.
/// </summary>
public sealed class RuleFixtureImportTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(
        SeedFiles.Folder, "..", "tests", "Newsletter.UnitTests", "Features", "Editorial", "Import", "Fixtures", "rules", name));

    private async Task<Outcome<ImportedIssue>> ImportAsync(string text)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IssueImporter>().ImportAsync(Encoding.UTF8.GetBytes(text), "rule.txt", publish: false);
    }

    [Fact]
    public async Task Supplement_number_1_and_number_1_of_the_same_year_both_import()
    {
        var supplement = Fixture("supplement.txt");

        var first = await ImportAsync(supplement);
        var regular = await ImportAsync(supplement.Replace("增刊第1期", "第1期(总第60期)"));
        var again = await ImportAsync(supplement);

        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.True(regular.Succeeded, string.Join("\n", regular.Errors));
        Assert.Equal("2023年增刊第1期已经在库中，不能重复导入；库中的内容没有改动。", Assert.Single(again.Errors));
        var stored = await portal.WithDbAsync(db => db.Issues.Where(i => i.Year == 2023 && i.Number == 1)
            .Select(i => new { i.IsSupplement, i.SerialNumber }).OrderBy(i => i.IsSupplement).ToListAsync());
        Assert.Equal([(false, (int?)60), (true, null)], stored.Select(i => (i.IsSupplement, i.SerialNumber)));
    }

    [Fact]
    public async Task A_december_issue_printed_in_january_is_stored_and_judged_by_its_masthead_year()
    {
        var yearEnd = Fixture("year-end.txt");

        var imported = await ImportAsync(yearEnd);
        var sameNumberSameYear = await ImportAsync(yearEnd.Replace("总第63期", "总第99期"));
        var sameNumberPrintYear = await ImportAsync(yearEnd.Replace("总第63期", "总第70期").Replace("2022年12月", "2023年12月")
            .Replace("2023年1月5日印发", "2023年12月20日印发"));

        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var issue = await portal.WithDbAsync(db => db.Issues.SingleAsync(i => i.SerialNumber == 63));
        Assert.Equal((2022, 6, 12, new DateOnly(2023, 1, 5)), (issue.Year, issue.Number, issue.CoverMonth, issue.PrintDate));
        Assert.Equal("2022年第6期已经在库中，不能重复导入；库中的内容没有改动。", Assert.Single(sameNumberSameYear.Errors));
        Assert.True(sameNumberPrintYear.Succeeded, string.Join("\n", sameNumberPrintYear.Errors));
    }
}
