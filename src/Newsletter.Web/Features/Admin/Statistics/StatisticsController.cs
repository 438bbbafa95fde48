using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Statistics;

/// <summary>稿件统计: items published per organisation (through the tree), 署名单位 and correspondent, for one year; also as CSV and .xlsx.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/statistics")]
public sealed class StatisticsController(NewsletterDbContext db) : Controller
{
    /// <summary>?year=2023; without it, the latest year that has a published issue.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct) => View(await PageAsync(year, ct));

    [HttpGet("export")]
    public async Task<IActionResult> Export(int? year, CancellationToken ct)
    {
        var page = await PageAsync(year, ct);
        return File(StatisticsExport.Csv(StatisticsExport.Tables(page)), "text/csv; charset=utf-8", FileName(page, "csv"));
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> ExportXlsx(int? year, CancellationToken ct)
    {
        var page = await PageAsync(year, ct);
        return File(StatisticsExport.Xlsx(StatisticsExport.Tables(page)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(page, "xlsx"));
    }

    private static string FileName(StatisticsPage page, string extension) =>
        page.Year is { } year ? $"稿件统计-{year}.{extension}" : $"稿件统计.{extension}";

    private async Task<StatisticsPage> PageAsync(int? year, CancellationToken ct)
    {
        var years = await ContributionStatistics.YearsAsync(db, ct);
        int? chosen = ModelState.IsValid && year is not null ? year : years.Count > 0 ? years[0] : null;
        return await ContributionStatistics.ForYearAsync(db, years, chosen, ct);
    }
}
