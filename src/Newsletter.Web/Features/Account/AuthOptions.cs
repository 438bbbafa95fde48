namespace Newsletter.Web.Features.Account;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Sign a user out after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How long a mailed 重设密码 link works: short, as anyone who reads the mailbox could use it.</summary>
    public int ResetLinkMinutes { get; set; } = 30;

    /// <summary>
    /// How long a mailed 激活账号 link works: 48 hours, because an account is often made for someone who reads mail the
    /// next working day (a county office); an expired link is replaced through 忘记密码 with the same address.
    /// </summary>
    public int ActivationLinkHours { get; set; } = 48;
}
