using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Audit;

/// <summary>The filters of the audit page, as typed (dates are checked by the controller).</summary>
public sealed class AuditFilter
{
    public string? UserName { get; set; }

    public string? EntityType { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>
/// One page of the log. <paramref name="People"/>: the accounts that entries on this page are about, by id, as
/// “姓名（邮箱）”, so a 用户 or 登录 entry names the person instead of showing the account's GUID.
/// </summary>
public sealed record AuditPage(
    AuditFilter Filter, IReadOnlyList<string> Errors, IReadOnlyList<AuditEntry> Entries, IReadOnlyList<string> EntityTypes,
    int Page, int TotalPages, int Total, IReadOnlyDictionary<string, string> People)
{
    /// <summary>Entity types whose id is an account's id.</summary>
    public static readonly IReadOnlySet<string> PersonEntities = new HashSet<string>(StringComparer.Ordinal) { "User", "Account" };

    /// <summary>What the entry is about: the person for an account's entry (its id only if the account is gone), else the id.</summary>
    public string Subject(AuditEntry entry) =>
        PersonEntities.Contains(entry.EntityType) && People.TryGetValue(entry.EntityId, out var person) ? person : entry.EntityId;

    /// <summary>The address of another page with the same filters.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["userName"] = Filter.UserName,
            ["entityType"] = Filter.EntityType,
            ["from"] = Filter.From,
            ["to"] = Filter.To,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/admin/audit" + QueryString.Create(query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
