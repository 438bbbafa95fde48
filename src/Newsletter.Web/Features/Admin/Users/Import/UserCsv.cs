using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Users.Import;

/// <summary>One line of the accounts file as typed, with every reason it cannot become an account (empty: it can).</summary>
public sealed record UserCsvRow(int Line, string Name, string Email, string RoleText, string Unit, IReadOnlyList<string> Roles, int? OrganizationId, IReadOnlyList<string> Errors)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Reads 批量导入用户 files (columns 姓名, 邮箱, 角色, 单位; roles by their Chinese names, several separated by 、) and
/// checks each line completely: a line shows all its errors at once, not only the first.
/// </summary>
public static class UserCsv
{
    public const string Header = "姓名,邮箱,角色,单位";

    public const int MaxRows = 1000;

    private static readonly string[] Columns = ["姓名", "邮箱", "角色", "单位"];

    private static readonly char[] RoleSeparators = ['、', ',', '，', ';', '；', '/', ' '];

    private static readonly EmailAddressAttribute EmailCheck = new();

    /// <summary>The lines, or why the file as a whole is refused (not CSV, columns missing, empty, too long).</summary>
    public static Outcome<IReadOnlyList<string[]>> Read(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        try
        {
            using var csv = new CsvReader(new StringReader(text), config);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                return Outcome<IReadOnlyList<string[]>>.Invalid($"文件第一行应是列名：{Header}。");
            }

            var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            var missing = Columns.Where(c => !names.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                return Outcome<IReadOnlyList<string[]>>.Invalid($"文件第一行缺少列：{string.Join("、", missing)}。列名应是：{Header}。");
            }

            var indexes = Columns.Select(c => names.IndexOf(c)).ToArray();
            var rows = new List<string[]>();
            while (csv.Read())
            {
                var cells = indexes.Select(i => csv.TryGetField<string>(i, out var v) ? v?.Trim() ?? "" : "").ToArray();
                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }

                rows.Add([csv.Parser.Row.ToString(CultureInfo.InvariantCulture), .. cells]);
            }

            return rows.Count switch
            {
                0 => Outcome<IReadOnlyList<string[]>>.Invalid("文件里只有列名，没有用户。"),
                > MaxRows => Outcome<IReadOnlyList<string[]>>.Invalid($"一次最多导入 {MaxRows} 个用户，请分成几个文件。"),
                _ => Outcome.Ok<IReadOnlyList<string[]>>(rows),
            };
        }
        catch (CsvHelperException e)
        {
            var line = e.Context?.Parser?.Row is { } row ? $"第{row}行" : "文件";
            return Outcome<IReadOnlyList<string[]>>.Invalid($"{line}不是有效的 CSV（引号不成对或格式有误），没有导入任何内容。");
        }
    }

    /// <summary>Checks every line against the roles, the organisation tree (exact names) and the accounts that exist.</summary>
    public static List<UserCsvRow> Check(IReadOnlyList<string[]> rows, IReadOnlyDictionary<string, Organization?> units, ISet<string> takenEmails)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new List<UserCsvRow>();
        foreach (var cells in rows)
        {
            var (line, name, email, roleText, unit) = (int.Parse(cells[0], CultureInfo.InvariantCulture), cells[1], cells[2], cells[3], cells[4]);
            var errors = new List<string>();
            if (name.Length == 0)
            {
                errors.Add("缺少姓名。");
            }
            else if (name.Length > 50)
            {
                errors.Add("姓名不能超过 50 个字。");
            }

            if (email.Length == 0)
            {
                errors.Add("缺少邮箱。");
            }
            else if (email.Length > 256 || !EmailCheck.IsValid(email))
            {
                errors.Add($"邮箱“{email}”格式不正确。");
            }
            else if (firstLine.TryGetValue(email, out var earlier))
            {
                errors.Add($"邮箱“{email}”与第 {earlier} 行重复。");
            }
            else if (takenEmails.Contains(email))
            {
                errors.Add($"邮箱“{email}”已被使用。");
            }

            if (email.Length > 0)
            {
                firstLine.TryAdd(email, line);
            }

            var words = roleText.Split(RoleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var roles = Domain.Roles.All.Where(r => words.Contains(Domain.Roles.DisplayName(r))).ToList();
            var unknown = words.Where(w => !Domain.Roles.All.Any(r => Domain.Roles.DisplayName(r) == w)).ToList();
            if (words.Length == 0)
            {
                errors.Add("缺少角色。");
            }

            errors.AddRange(unknown.Select(w => $"角色“{w}”不存在（可填：{string.Join("、", Domain.Roles.All.Select(Domain.Roles.DisplayName))}）。"));

            int? organizationId = null;
            if (unit.Length > 0)
            {
                if (!units.TryGetValue(unit, out var organization))
                {
                    errors.Add($"单位“{unit}”不在单位列表中（须与“单位与发送名单”中的名称完全一致）。");
                }
                else if (organization is null)
                {
                    errors.Add($"单位“{unit}”在单位列表中有重名，请创建后在编辑页选择。");
                }
                else
                {
                    organizationId = organization.Id;
                }
            }

            result.Add(new UserCsvRow(line, name, email, roleText, unit, roles, organizationId, errors));
        }

        return result;
    }
}
