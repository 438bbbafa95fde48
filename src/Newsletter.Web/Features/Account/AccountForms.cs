using System.ComponentModel.DataAnnotations;

namespace Newsletter.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "请填写账号。")]
    [Display(Name = "账号（电子邮箱）")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "请填写密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "密码")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "请填写当前密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "当前密码")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "请填写新密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
    [DataType(DataType.Password)]
    [Display(Name = "再次输入新密码")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>忘记密码: the address to mail a reset link to.</summary>
public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "请填写电子邮箱。")]
    [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
    [StringLength(256, ErrorMessage = "电子邮箱不能超过 256 个字符。")]
    [Display(Name = "电子邮箱（登录账号）")]
    public string Email { get; set; } = "";
}

/// <summary>The new password chosen through a mailed link (重设密码 or 激活账号); the link's user and token ride along.</summary>
public sealed class NewPasswordForm
{
    public string? User { get; set; }

    public string? Token { get; set; }

    [Required(ErrorMessage = "请填写新密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
    [DataType(DataType.Password)]
    [Display(Name = "再次输入新密码")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The page of a mailed link: 重设密码 or 激活账号.</summary>
public sealed record NewPasswordPage(string Kind, string Heading, string? AccountEmail, NewPasswordForm Form);
