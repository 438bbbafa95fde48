using Microsoft.AspNetCore.Identity;

namespace Newsletter.Web.Features.Account;

/// <summary>A portal account: an editor, a correspondent, a member association or an administrator.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>姓名 as shown on items and in the audit log.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>所在单位, e.g. 桂林市叠彩区计生协: the name shown on items (kept as typed for older accounts).</summary>
    public string? OrganizationName { get; set; }

    /// <summary>The organisation in the tree the account belongs to (a 会员单位 manages that one's addresses).</summary>
    public int? OrganizationId { get; set; }

    /// <summary>A generated or reset password: the next sign-in must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The notification kinds this person turned off, comma-separated (see Features/Notifications).</summary>
    public string? MutedNotifications { get; set; }

    /// <summary>停用: cannot sign in; kept so that history keeps its names.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
