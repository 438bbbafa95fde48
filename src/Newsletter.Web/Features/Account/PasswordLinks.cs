using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Account;

/// <summary>
/// Links mailed to a person instead of a password read out by phone: 重设密码 (Identity's reset token,
/// <c>Auth:ResetLinkMinutes</c>) and 激活账号 (<see cref="ActivationTokenProvider"/>, <c>Auth:ActivationLinkHours</c>).
/// Each works once: using it sets a password, which changes the security stamp the token was made with.
/// </summary>
public sealed class PasswordLinks(UserManager<ApplicationUser> users, AccountMail mail, AccountAudit audit, IOptions<AuthOptions> options)
{
    public const string Invalid = "链接无效、已过期或已经用过。请重新申请重设密码，或联系管理员。";

    private string ResetProvider => users.Options.Tokens.PasswordResetTokenProvider;

    /// <summary>Mails a reset link when the address belongs to an account that may sign in; says nothing either way.</summary>
    public async Task SendResetAsync(string email, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not { IsDisabled: false } user)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var minutes = options.Value.ResetLinkMinutes;
        var body = $"{user.DisplayName}：\n\n有人（希望是您本人）申请重设《工作通讯》网站账号 {user.Email} 的密码。请在 {minutes} 分钟内打开下面的链接设置新密码，链接只能使用一次：\n\n"
            + Link("reset", user, token) + "\n\n如果不是您本人申请，请忽略这封邮件，原密码仍然有效。\n";
        if (await mail.SendAsync(user, "重设密码 - 工作通讯", body, ct))
        {
            await audit.PasswordResetAsync(user, "发送重设密码链接");
        }
    }

    /// <summary>Mails the activation link of a new account that has no password yet; false when the mail did not go.</summary>
    public async Task<bool> SendActivationAsync(ApplicationUser user, CancellationToken ct)
    {
        var token = await users.GenerateUserTokenAsync(user, ActivationTokenProvider.ProviderName, ActivationTokenProvider.Purpose);
        var hours = options.Value.ActivationLinkHours;
        var body = $"{user.DisplayName}：\n\n管理员已为您开通《工作通讯》网站账号（登录账号：{user.Email}）。请在 {hours} 小时内打开下面的链接，自己设置密码后即可登录，链接只能使用一次：\n\n"
            + Link("activate", user, token) + "\n\n链接过期后，可在登录页点“忘记密码”用本邮箱重新设置。\n";
        return await mail.SendAsync(user, "激活账号 - 工作通讯", body, ct);
    }

    /// <summary>The account the link names when its token is still good (unused, in time, not altered), else null.</summary>
    public async Task<ApplicationUser?> CheckAsync(string kind, string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || Decode(token) is not { } decoded || await users.FindByIdAsync(userId) is not { IsDisabled: false } user)
        {
            return null;
        }

        var (provider, purpose) = kind == "activate"
            ? (ActivationTokenProvider.ProviderName, ActivationTokenProvider.Purpose)
            : (ResetProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose);
        return await users.VerifyUserTokenAsync(user, provider, purpose, decoded) ? user : null;
    }

    /// <summary>Sets the chosen password when the link is still good; the password rules' messages otherwise.</summary>
    public async Task<Outcome> UseAsync(string kind, string? userId, string? token, string password)
    {
        if (await CheckAsync(kind, userId, token) is not { } user)
        {
            return Outcome.Invalid(Invalid);
        }

        var result = kind == "activate" && !await users.HasPasswordAsync(user)
            ? await users.AddPasswordAsync(user, password)
            : await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            return Outcome.Invalid(result.Errors.Select(e => e.Description));
        }

        user.MustChangePassword = false;
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        await audit.PasswordResetAsync(user, kind == "activate" ? "激活账号" : "通过邮件重设密码");
        return Outcome.Done;
    }

    private string Link(string kind, ApplicationUser user, string token) =>
        $"{mail.PortalUrl}/account/{kind}?user={Uri.EscapeDataString(user.Id)}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
