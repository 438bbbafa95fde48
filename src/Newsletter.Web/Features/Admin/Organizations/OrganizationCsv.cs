using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// One line of 单位名单.csv, as text. When reading, a column missing from the file is null (the
/// organisation keeps that field as it is); a column present but empty is "".
/// </summary>
public sealed class OrganizationCsvRow
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Parent { get; set; }

    public string? Emails { get; set; }

    public string? Send { get; set; }

    public string? Distribute { get; set; }

    public string? Status { get; set; }

    public string? Order { get; set; }
}

public sealed class OrganizationCsvMap : ClassMap<OrganizationCsvRow>
{
    public OrganizationCsvMap()
    {
        Map(r => r.Name).Name("名称");
        Map(r => r.Kind).Name("类型").Optional();
        Map(r => r.Parent).Name("上级单位").Optional();
        Map(r => r.Emails).Name("邮箱").Optional();
        Map(r => r.Send).Name("送").Optional();
        Map(r => r.Distribute).Name("发").Optional();
        Map(r => r.Status).Name("状态").Optional();
        Map(r => r.Order).Name("排序").Optional();
    }
}

/// <summary>A data line of the file with its line number as a spreadsheet shows it (the header is line 1).</summary>
public sealed record CsvLine(int Number, OrganizationCsvRow Row);

/// <summary>Writes and reads 单位名单.csv: UTF-8 with BOM so that Excel shows the Chinese; reads UTF-8 or GBK.</summary>
public static class OrganizationCsv
{
    public const string Header = "名称,类型,上级单位,邮箱,送,发,状态,排序";

    /// <summary>Excel would run a cell that starts with one of these as a formula; such cells are written with a leading '.</summary>
    private const string InjectionCharacters = "=@+-\t\r";

    public static byte[] Write(IEnumerable<OrganizationCsvRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            csv.Context.RegisterClassMap<OrganizationCsvMap>();
            csv.WriteRecords(rows);
        }

        return stream.ToArray();
    }

    public static OrganizationCsvRow Row(Organization organization, string? parentName) => new()
    {
        Name = organization.Name,
        Kind = Organization.KindName(organization.Kind),
        Parent = parentName ?? "",
        Emails = string.Join(";", organization.Contacts.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Email)),
        Send = MembershipName(organization, DistributionGroup.Send),
        Distribute = MembershipName(organization, DistributionGroup.Distribute),
        Status = OrganizationState.StatusName(organization.IsActive),
        Order = organization.SortOrder.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The data lines, or why the file cannot be read as this list at all.</summary>
    public static Outcome<IReadOnlyList<CsvLine>> Read(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().TrimStart('\uFEFF'),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            HeaderValidated = null,
            ShouldSkipRecord = a => a.Row.Parser.Record is not { } fields || fields.All(string.IsNullOrWhiteSpace),
        };
        try
        {
            using var csv = new CsvReader(new StringReader(text), config);
            csv.Context.RegisterClassMap<OrganizationCsvMap>();
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord?.Any(h => h.Trim().TrimStart('\uFEFF') == "名称") != true)
            {
                return Outcome<IReadOnlyList<CsvLine>>.Invalid($"文件第一行应是列名：{Header}（至少要有“名称”一列）。");
            }

            var lines = new List<CsvLine>();
            while (csv.Read())
            {
                lines.Add(new CsvLine(csv.Parser.Row, Unescape(csv.GetRecord<OrganizationCsvRow>())));
            }

            return lines.Count == 0
                ? Outcome<IReadOnlyList<CsvLine>>.Invalid("文件里只有列名，没有单位。")
                : Outcome.Ok<IReadOnlyList<CsvLine>>(lines);
        }
        catch (CsvHelperException e)
        {
            var line = e.Context?.Parser?.Row is { } row ? $"第{row}行" : "文件";
            return Outcome<IReadOnlyList<CsvLine>>.Invalid($"{line}不是有效的 CSV（引号不成对或格式有误），没有导入任何内容。");
        }
    }

    private static string MembershipName(Organization organization, DistributionGroup group) =>
        organization.Memberships.FirstOrDefault(m => m.Group == group) is { } m ? MembershipState.StatusName(m.Status) : "";

    /// <summary>Undoes the ' that <see cref="Write"/> puts before a cell Excel would take for a formula.</summary>
    private static OrganizationCsvRow Unescape(OrganizationCsvRow row)
    {
        static string? Plain(string? value) =>
            value is { Length: > 1 } && value[0] == '\'' && InjectionCharacters.Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

        row.Name = Plain(row.Name);
        row.Parent = Plain(row.Parent);
        row.Emails = Plain(row.Emails);
        return row;
    }
}
