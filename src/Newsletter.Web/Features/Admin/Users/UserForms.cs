using System.ComponentModel.DataAnnotations;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>What an administrator can change on any account: 姓名, 单位 and roles.</summary>
public class UserDetailsForm
{
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(50, ErrorMessage = "姓名不能超过 50 个字。")]
    [Display(Name = "姓名")]
    public string DisplayName { get; set; } = "";

    [StringLength(100, ErrorMessage = "单位名称不能超过 100 个字。")]
    [Display(Name = "单位")]
    public string? OrganizationName { get; set; }

    /// <summary>Role names from <see cref="Domain.Roles.All"/>.</summary>
    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];
}

public sealed class NewUserForm : UserDetailsForm
{
    [Required(ErrorMessage = "请填写电子邮箱。")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过 256 个字符。")]
    [Display(Name = "电子邮箱（登录账号）")]
    public string Email { get; set; } = "";

    [DataType(DataType.Password)]
    [Display(Name = "初始密码")]
    public string? Password { get; set; }
}

/// <summary>One row of the user list.</summary>
public sealed record UserRow(
    string Id, string DisplayName, string Email, string? OrganizationName, IReadOnlyList<string> Roles, string Status, bool IsDisabled)
{
    public string RoleNames => Roles.Count == 0 ? "（无）" : string.Join("、", Roles.Select(Domain.Roles.DisplayName));
}

public sealed record UsersPage(IReadOnlyList<UserRow> Users);

/// <summary>The edit page: the account as it is, and the form for 姓名, 单位, roles (fields prefixed <c>Form.</c>).</summary>
public sealed record EditUserPage(UserRow User, bool IsSelf, UserDetailsForm Form);

/// <summary>A password shown once, after creating an account or resetting its password.</summary>
public sealed record OneTimePasswordPage(string UserId, string DisplayName, string Email, string Heading, string PasswordLabel, string Password);
