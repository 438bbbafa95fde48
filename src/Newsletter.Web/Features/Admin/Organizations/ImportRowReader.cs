using System.Globalization;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// One CSV line read on its own, before parents are resolved. Null means "column not in the file:
/// keep what the organisation has"; the values are checked, so any problem is in <see cref="Error"/>.
/// </summary>
public sealed record ImportDraft(
    int Line, string Name, OrganizationKind? Kind, string? ParentName, bool ParentGiven, IReadOnlyList<string>? Emails,
    (MembershipStatus? Status, bool Given) Send, (MembershipStatus? Status, bool Given) Distribute, bool? IsActive, int? SortOrder)
{
    public string? Error { get; init; }
}

/// <summary>Checks the cells of one line: name, 类型, e-mail addresses, 送/发, 状态, 排序.</summary>
public static class ImportRowReader
{
    private static readonly string KindNames = string.Join("、", Enum.GetValues<OrganizationKind>().Select(Organization.KindName));

    public static ImportDraft Read(CsvLine line)
    {
        var row = line.Row;
        var name = row.Name?.Trim() ?? "";
        var draft = new ImportDraft(line.Number, name, null, Clean(row.Parent), row.Parent is not null, null,
            (null, row.Send is not null), (null, row.Distribute is not null), null, null);
        string? error = null;
        if (name.Length == 0)
        {
            error = "缺少名称。";
        }
        else if (name.Length > OrganizationForm.MaxNameLength)
        {
            error = "名称不能超过 100 个字。";
        }

        OrganizationKind? kind = null;
        if (error is null && Clean(row.Kind) is { } kindText && (kind = ParseKind(kindText)) is null)
        {
            error = $"类型“{kindText}”不正确，应为{KindNames}之一。";
        }

        IReadOnlyList<string>? emails = null;
        if (error is null && row.Emails is not null)
        {
            var parsed = EmailList.Parse(row.Emails);
            (emails, error) = (parsed.Value, parsed.Message);
        }

        var send = Membership("送", row.Send, ref error);
        var distribute = Membership("发", row.Distribute, ref error);
        bool? active = null;
        if (error is null && Clean(row.Status) is { } status)
        {
            active = status switch { "正常" => true, "已停用" or "停用" => false, _ => null };
            error = active is null ? $"状态“{status}”不正确，应为“正常”或“已停用”。" : null;
        }

        int? order = null;
        if (error is null && Clean(row.Order) is { } orderText)
        {
            order = int.TryParse(orderText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= 100000 ? value : null;
            error = order is null ? $"排序“{orderText}”不是 -100000 到 100000 之间的整数。" : null;
        }

        return draft with
        {
            Kind = kind, Emails = emails, Send = (send, draft.Send.Given), Distribute = (distribute, draft.Distribute.Given),
            IsActive = active, SortOrder = order, Error = error,
        };
    }

    /// <summary>自治区, 市, 县（市、区） (also with half-width brackets), 机关及其他.</summary>
    public static OrganizationKind? ParseKind(string text)
    {
        var normalized = text.Replace('(', '（').Replace(')', '）').Replace(" ", "", StringComparison.Ordinal);
        return Enum.GetValues<OrganizationKind>().Select(k => (OrganizationKind?)k)
            .FirstOrDefault(k => Organization.KindName(k!.Value) == normalized);
    }

    private static MembershipStatus? Membership(string label, string? text, ref string? error)
    {
        if (error is not null || Clean(text) is not { } value)
        {
            return null;
        }

        MembershipStatus? status = value switch { "正常" => MembershipStatus.Active, "暂停" => MembershipStatus.Suspended, _ => null };
        error = status is null ? $"“{label}”的值“{value}”不正确，应为“正常”“暂停”或留空。" : null;
        return status;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
