using Microsoft.AspNetCore.Identity;

namespace Newsletter.Web.Features.Account;

/// <summary>A portal account: an editor, a correspondent, a member association or an administrator.</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>姓名 as shown on items and in the audit log.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>所在单位, e.g. 桂林市叠彩区计生协.</summary>
    public string? OrganizationName { get; set; }

    /// <summary>停用: cannot sign in; kept so that history keeps its names.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
