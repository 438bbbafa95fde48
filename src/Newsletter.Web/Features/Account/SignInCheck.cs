using Microsoft.AspNetCore.Identity;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Account;

/// <summary>
/// Signs in with a password so that a failure tells nothing about the account: an unknown address, a wrong password,
/// a locked account and a disabled one get the same message after the same work, one password hash checked (a dummy
/// hash when there is no account or it is locked). Only someone who typed a disabled account's right password learns
/// that it is disabled. Every attempt is audited (<see cref="AccountAudit"/>).
/// </summary>
public sealed class SignInCheck(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, IPasswordHasher<ApplicationUser> hasher, AccountAudit audit)
{
    public const string Refused = "账号或密码不正确。连续输错 5 次，账号将锁定 15 分钟，锁定期间即使密码正确也无法登录。";

    public const string Disabled = "该账号已停用，请联系管理员。";

    /// <summary>A hash of a random password, made by the portal's own hasher so that checking it costs the same.</summary>
    private static string? dummyHash;

    public async Task<Outcome<ApplicationUser>> SignInAsync(string account, string password)
    {
        var user = await users.FindByEmailAsync(account) ?? await users.FindByNameAsync(account);
        if (user is null || (!user.IsDisabled && await users.IsLockedOutAsync(user)))
        {
            CheckDummyHash(password);
            return await FailedAsync(account, Refused);
        }

        if (user.IsDisabled)
        {
            return await FailedAsync(account, await users.CheckPasswordAsync(user, password) ? Disabled : Refused);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.SignedInAsync(user);
            return Outcome.Ok(user);
        }

        var failed = await FailedAsync(account, Refused);
        if (result.IsLockedOut)
        {
            await audit.LockedOutAsync(user);
        }

        return failed;
    }

    private async Task<Outcome<ApplicationUser>> FailedAsync(string account, string message)
    {
        await audit.FailedAsync(account);
        return Outcome<ApplicationUser>.Invalid(message);
    }

    private void CheckDummyHash(string password)
    {
        var nobody = new ApplicationUser();
        dummyHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(nobody, dummyHash, password);
    }
}
