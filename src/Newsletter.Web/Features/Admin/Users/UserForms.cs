using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>What an administrator can change on any account: 姓名, 单位 (from the organisation tree) and roles.</summary>
public class UserDetailsForm
{
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(50, ErrorMessage = "姓名不能超过 50 个字。")]
    [Display(Name = "姓名")]
    public string DisplayName { get; set; } = "";

    /// <summary>An organisation of the tree; none for accounts that belong to no unit.</summary>
    [Display(Name = "单位")]
    public int? OrganizationId { get; set; }

    /// <summary>Role names from <see cref="Domain.Roles.All"/>.</summary>
    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];

    /// <summary>The choices of the 单位 select, filled by the page (never bound from the request).</summary>
    [BindNever]
    public IReadOnlyList<OrganizationOption> OrganizationChoices { get; set; } = [];
}

/// <summary>How a new account gets its first password.</summary>
public enum AccountSetup
{
    /// <summary>激活邮件: the person sets their own password through a mailed link.</summary>
    Email,

    /// <summary>初始密码: generated (or typed) and handed over; must be changed at the first sign-in.</summary>
    Password,
}

public sealed class NewUserForm : UserDetailsForm
{
    [Required(ErrorMessage = "请填写电子邮箱。")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过 256 个字符。")]
    [Display(Name = "电子邮箱（登录账号）")]
    public string Email { get; set; } = "";

    [Display(Name = "开通方式")]
    public AccountSetup Setup { get; set; } = AccountSetup.Password;

    [DataType(DataType.Password)]
    [Display(Name = "初始密码")]
    public string? Password { get; set; }
}

/// <summary>One row of the user list.</summary>
public sealed record UserRow(
    string Id, string DisplayName, string Email, string? OrganizationName, IReadOnlyList<string> Roles, string Status, bool IsDisabled, bool IsLocked = false)
{
    public string RoleNames => Roles.Count == 0 ? "（无）" : string.Join("、", Roles.Select(Domain.Roles.DisplayName));
}

public sealed record UsersPage(IReadOnlyList<UserRow> Users);

/// <summary>The edit page: the account as it is, and the form for 姓名, 单位, roles (fields prefixed <c>Form.</c>).</summary>
public sealed record EditUserPage(UserRow User, bool IsSelf, UserDetailsForm Form);

/// <summary>A password shown once, after creating an account or resetting its password.</summary>
public sealed record OneTimePasswordPage(string UserId, string DisplayName, string Email, string Heading, string PasswordLabel, string Password);
