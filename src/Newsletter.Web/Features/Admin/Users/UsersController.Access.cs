using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>停用、启用、重置密码, and what the user pages share.</summary>
public sealed partial class UsersController
{
    /// <summary>Stops sign-in and ends existing sessions (new security stamp).</summary>
    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return this.NotFoundPage("没有这个用户。");
        }

        if (IsSelf(user))
        {
            TempData["Error"] = "不能停用自己的账号。";
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!user.IsDisabled)
        {
            var from = Status(user);
            user.IsDisabled = true;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await users.UpdateSecurityStampAsync(user);
            audit.Record(HttpContext.ToActor(), Entity, user.Id, "停用", from, "已停用", detail: $"{user.DisplayName}（{user.Email}）");
            await db.SaveChangesAsync();
        }

        TempData["Message"] = $"已停用“{user.DisplayName}”，该账号不能再登录。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return this.NotFoundPage("没有这个用户。");
        }

        if (user.IsDisabled)
        {
            user.IsDisabled = false;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await users.UpdateAsync(user);
            audit.Record(HttpContext.ToActor(), Entity, user.Id, "启用", "已停用", "正常", detail: $"{user.DisplayName}（{user.Email}）");
            await db.SaveChangesAsync();
        }

        TempData["Message"] = $"已启用“{user.DisplayName}”。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A new generated password, shown once; clears a lockout (but not 停用).</summary>
    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return this.NotFoundPage("没有这个用户。");
        }

        var password = AccountSeeder.GeneratePassword();
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (result.Succeeded && !user.IsDisabled)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            result = await users.UpdateAsync(user);
        }

        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Edit), new { id });
        }

        audit.Record(HttpContext.ToActor(), Entity, user.Id, "重置密码", detail: $"{user.DisplayName}（{user.Email}）");
        await db.SaveChangesAsync();
        return OneTimePassword(new OneTimePasswordPage(user.Id, user.DisplayName, user.Email ?? "", "已重置密码", "新密码", password));
    }

    /// <summary>The page that shows a password once: never cached.</summary>
    private ViewResult OneTimePassword(OneTimePasswordPage page)
    {
        Response.Headers.CacheControl = "no-store";
        return View(nameof(OneTimePassword), page);
    }

    private async Task<ILookup<string, string>> RolesByUserAsync(CancellationToken ct) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                select new { ur.UserId, r.Name }).ToListAsync(ct))
        .ToLookup(x => x.UserId, x => x.Name!);

    private UserRow Row(ApplicationUser user, IReadOnlyList<string> roles) => new(
        user.Id, user.DisplayName, user.Email ?? user.UserName ?? "", user.OrganizationName,
        Roles.All.Where(roles.Contains).ToList(), Status(user), user.IsDisabled);

    private string Status(ApplicationUser user) =>
        user.IsDisabled ? "已停用"
        : user.LockoutEnd is { } end && end > clock.GetUtcNow() ? $"已锁定（至 {ChinaTimeFormat.Minute(end.UtcDateTime)}）"
        : "正常";

    private bool IsSelf(ApplicationUser user) => user.Id == users.GetUserId(User);

    private void CheckRoles(List<string> roles, string key)
    {
        if (roles.Count == 0)
        {
            ModelState.AddModelError(key, "请至少选择一个角色。");
        }
        else if (roles.Any(r => !Roles.All.Contains(r)))
        {
            ModelState.AddModelError(key, "角色无效。");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string RoleNames(IEnumerable<string> roles) =>
        string.Join("、", Roles.All.Where(roles.Contains).Select(Roles.DisplayName)) is { Length: > 0 } names ? names : "无";
}
