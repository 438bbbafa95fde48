using System.Globalization;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// One CSV line read on its own, before parents are resolved. Null means "column not in the file:
/// keep what the organisation has"; the values are checked, and every problem of the line is in <see cref="Errors"/>
/// (an administrator fixing a spreadsheet wants them all at once, not one per upload).
/// </summary>
public sealed record ImportDraft(
    int Line, string Name, OrganizationKind? Kind, string? ParentName, bool ParentGiven, IReadOnlyList<string>? Emails,
    (MembershipStatus? Status, bool Given) Send, (MembershipStatus? Status, bool Given) Distribute, bool? IsActive, int? SortOrder)
{
    /// <summary>Whether the line has a 类型 cell with something in it (a wrong value is in <see cref="Errors"/>).</summary>
    public bool KindGiven { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool Refused => Errors.Count > 0;
}

/// <summary>Checks every cell of one line: name, 类型, e-mail addresses, 送/发, 状态, 排序.</summary>
public static class ImportRowReader
{
    private static readonly string KindNames = string.Join("、", Enum.GetValues<OrganizationKind>().Select(Organization.KindName));

    public static ImportDraft Read(CsvLine line)
    {
        var row = line.Row;
        var name = row.Name?.Trim() ?? "";
        var draft = new ImportDraft(line.Number, name, null, Clean(row.Parent), row.Parent is not null, null,
            (null, row.Send is not null), (null, row.Distribute is not null), null, null);
        var errors = new List<string>();
        if (name.Length == 0)
        {
            errors.Add("缺少名称。");
        }
        else if (name.Length > OrganizationForm.MaxNameLength)
        {
            errors.Add("名称不能超过 100 个字。");
        }

        OrganizationKind? kind = null;
        if (Clean(row.Kind) is { } kindText && (kind = ParseKind(kindText)) is null)
        {
            errors.Add($"类型“{kindText}”不正确，应为{KindNames}之一（县级也可写“县”）。");
        }

        IReadOnlyList<string>? emails = null;
        if (row.Emails is not null)
        {
            var parsed = EmailList.Parse(row.Emails);
            emails = parsed.Value;
            errors.AddRange(parsed.Errors);
        }

        var send = Membership("送", row.Send, errors);
        var distribute = Membership("发", row.Distribute, errors);
        bool? active = null;
        if (Clean(row.Status) is { } status)
        {
            active = status switch { "正常" => true, "已停用" or "停用" => false, _ => null };
            if (active is null)
            {
                errors.Add($"状态“{status}”不正确，应为“正常”或“已停用”。");
            }
        }

        int? order = null;
        if (Clean(row.Order) is { } orderText)
        {
            order = int.TryParse(orderText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= 100000 ? value : null;
            if (order is null)
            {
                errors.Add($"排序“{orderText}”不是 -100000 到 100000 之间的整数。");
            }
        }

        return draft with
        {
            Kind = kind, KindGiven = Clean(row.Kind) is not null, Emails = emails, Send = (send, draft.Send.Given),
            Distribute = (distribute, draft.Distribute.Given), IsActive = active, SortOrder = order, Errors = errors,
        };
    }

    /// <summary>
    /// 自治区, 市, 县（市、区） (also with half-width brackets), 机关及其他 — and the short words people type in a spreadsheet
    /// for them: 县 (or 县级, 县区) for 县（市、区）, 机关 or 其他 for 机关及其他.
    /// </summary>
    public static OrganizationKind? ParseKind(string text)
    {
        var normalized = text.Replace('(', '（').Replace(')', '）').Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
        return normalized switch
        {
            "县" or "县级" or "县区" or "县市区" => OrganizationKind.County,
            "机关" or "其他" => OrganizationKind.Body,
            _ => Enum.GetValues<OrganizationKind>().Select(k => (OrganizationKind?)k).FirstOrDefault(k => Organization.KindName(k!.Value) == normalized),
        };
    }

    private static MembershipStatus? Membership(string label, string? text, List<string> errors)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        MembershipStatus? status = value switch { "正常" => MembershipStatus.Active, "暂停" => MembershipStatus.Suspended, _ => null };
        if (status is null)
        {
            errors.Add($"“{label}”的值“{value}”不正确，应为“正常”“暂停”或留空。");
        }

        return status;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
