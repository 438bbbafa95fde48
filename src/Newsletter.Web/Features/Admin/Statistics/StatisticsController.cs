using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Statistics;

/// <summary>稿件统计: items published per organisation and per correspondent, by section, for one year; also as CSV.</summary>
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
        var label = page.Year is { } y ? $"{y}年" : "";
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            WriteTable(csv, $"{label}稿件统计（按单位）", ["单位"], page.Columns, page.Organizations, _ => []);
            csv.NextRecord();
            WriteTable(csv, $"{label}稿件统计（按通讯员）", ["通讯员", "所属单位"], page.Columns, page.Correspondents, r => [r.Organizations ?? ""]);
        }

        return File(stream.ToArray(), "text/csv; charset=utf-8", page.Year is { } fileYear ? $"稿件统计-{fileYear}.csv" : "稿件统计.csv");
    }

    private async Task<StatisticsPage> PageAsync(int? year, CancellationToken ct)
    {
        var years = await ContributionStatistics.YearsAsync(db, ct);
        int? chosen = ModelState.IsValid && year is not null ? year : years.Count > 0 ? years[0] : null;
        return await ContributionStatistics.ForYearAsync(db, years, chosen, ct);
    }

    private static void WriteTable(CsvWriter csv, string title, string[] heads, IReadOnlyList<string> columns,
        IReadOnlyList<ContributionRow> rows, Func<ContributionRow, string[]> extra)
    {
        csv.WriteField(title);
        csv.NextRecord();
        foreach (var head in heads.Concat(columns).Append("合计"))
        {
            csv.WriteField(head);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(row.Name);
            foreach (var field in extra(row))
            {
                csv.WriteField(field);
            }

            foreach (var count in row.Counts.Append(row.Total))
            {
                csv.WriteField(count);
            }

            csv.NextRecord();
        }
    }
}
