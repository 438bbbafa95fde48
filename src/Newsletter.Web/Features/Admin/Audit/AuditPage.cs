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

public sealed record AuditPage(
    AuditFilter Filter, IReadOnlyList<string> Errors, IReadOnlyList<AuditEntry> Entries, IReadOnlyList<string> EntityTypes,
    int Page, int TotalPages, int Total)
{
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
