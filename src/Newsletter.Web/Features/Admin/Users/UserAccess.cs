using Microsoft.AspNetCore.Identity;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>停用、启用、重置密码 of an account, each audited, and the account's status as the pages show it.</summary>
public sealed class UserAccess(UserManager<ApplicationUser> users, NewsletterDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Entity = "User";

    /// <summary>正常, 已停用, or 已锁定 with the minute the lockout ends.</summary>
    public string Status(ApplicationUser user) =>
        user.IsDisabled ? "已停用"
        : user.LockoutEnd is { } end && end > clock.GetUtcNow() ? $"已锁定（至 {ChinaTimeFormat.Minute(end.UtcDateTime)}）"
        : "正常";

    /// <summary>Locked by Identity after too many wrong passwords (not 停用, which also sets a lockout end).</summary>
    public bool IsLocked(ApplicationUser user) => !user.IsDisabled && user.LockoutEnd is { } end && end > clock.GetUtcNow();

    /// <summary>解除锁定: the account may sign in again at once; false when it was not locked (nothing written).</summary>
    public async Task<bool> UnlockAsync(ApplicationUser user, Actor actor)
    {
        if (!IsLocked(user))
        {
            return false;
        }

        var from = Status(user);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        audit.Record(actor, Entity, user.Id, "解除锁定", from, "正常", detail: $"{user.DisplayName}（{user.Email}）");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Stops sign-in and ends existing sessions (new security stamp); nothing happens to an account already disabled.</summary>
    public async Task DisableAsync(ApplicationUser user, Actor actor)
    {
        if (user.IsDisabled)
        {
            return;
        }

        var from = Status(user);
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateSecurityStampAsync(user);
        audit.Record(actor, Entity, user.Id, "停用", from, "已停用", detail: $"{user.DisplayName}（{user.Email}）");
        await db.SaveChangesAsync();
    }

    /// <summary>Allows sign-in again and clears a lockout; nothing happens to an account that is not disabled.</summary>
    public async Task EnableAsync(ApplicationUser user, Actor actor)
    {
        if (!user.IsDisabled)
        {
            return;
        }

        user.IsDisabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        audit.Record(actor, Entity, user.Id, "启用", "已停用", "正常", detail: $"{user.DisplayName}（{user.Email}）");
        await db.SaveChangesAsync();
    }

    /// <summary>A new generated password, to be shown once and changed at the next sign-in; clears a lockout (but not 停用).</summary>
    public async Task<(IdentityResult Result, string Password)> ResetPasswordAsync(ApplicationUser user, Actor actor)
    {
        var password = AccountSeeder.GeneratePassword();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded)
        {
            user.MustChangePassword = true;
            if (!user.IsDisabled)
            {
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
            }

            result = await users.UpdateAsync(user);
        }

        if (result.Succeeded)
        {
            audit.Record(actor, Entity, user.Id, "重置密码", detail: $"{user.DisplayName}（{user.Email}）");
            await db.SaveChangesAsync();
        }

        return (result, password);
    }
}
