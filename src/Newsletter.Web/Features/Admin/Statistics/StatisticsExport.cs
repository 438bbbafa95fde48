using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Newsletter.Web.Features.Admin.Statistics;

/// <summary>One table of the export: a title, the heads, and rows of text or numbers.</summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Heads, IReadOnlyList<IReadOnlyList<object>> Rows);

/// <summary>
/// The statistics page as files: CSV (UTF-8 with a BOM so that Excel reads Chinese; a cell starting with = + - @ tab or CR
/// is prefixed with ' so no spreadsheet runs it) and .xlsx (Open XML SDK; text cells are inline strings, never formulas).
/// </summary>
public static class StatisticsExport
{
    public static IReadOnlyList<ExportTable> Tables(StatisticsPage page)
    {
        var label = page.Year is { } y ? $"{y}年" : "";
        ExportTable Table(string title, string[] heads, IReadOnlyList<ContributionRow> rows, bool detail) => new(
            title, [.. heads, .. page.Columns, "文章", "简讯", "合计"],
            rows.Select(r => (IReadOnlyList<object>)[
                r.Name, .. detail ? new object[] { r.Detail ?? "" } : [], .. r.Counts.Cast<object>(), r.Articles, r.Briefs, r.Total]).ToList());
        return
        [
            Table($"{label}稿件统计（按单位，含下级单位）", ["单位", "通讯员"], page.Tree, true),
            Table($"{label}稿件统计（按署名单位）", ["署名单位", "通讯员"], page.Organizations, true),
            Table($"{label}稿件统计（按通讯员）", ["通讯员", "所属单位"], page.Correspondents, true),
        ];
    }

    public static byte[] Csv(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var table in tables)
            {
                csv.WriteField(table.Title);
                csv.NextRecord();
                foreach (var row in table.Rows.Prepend(table.Heads.Cast<object>().ToList()))
                {
                    foreach (var cell in row)
                    {
                        csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
                    }

                    csv.NextRecord();
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>One worksheet per table: the title in A1, the heads in row 2, then the rows.</summary>
    public static byte[] Xlsx(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, [table.Title]));
                data.Append(Row(2, table.Heads.Cast<object>().ToList()));
                uint index = 3;
                foreach (var row in table.Rows)
                {
                    data.Append(Row(index++, row));
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = SheetName(id, table.Title) });
                id++;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Sheet names are at most 31 characters and may not hold []:*?/\ (the titles hold （）, which is fine).</summary>
    private static string SheetName(uint id, string title)
    {
        var start = title.IndexOf('（', StringComparison.Ordinal);
        var name = start >= 0 ? title[(start + 1)..].TrimEnd('）') : $"表{id}";
        return name.Length > 31 ? name[..31] : name;
    }

    private static Row Row(uint index, IReadOnlyList<object> cells)
    {
        var row = new Row { RowIndex = index };
        foreach (var cell in cells)
        {
            row.Append(cell is int number
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }) });
        }

        return row;
    }
}
