using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>用户管理: list, create, edit, disable/enable accounts and reset passwords. Every change is audited.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/users")]
public sealed class UsersController(UserManager<ApplicationUser> users, UserAccounts accounts, UserAccess access) : Controller
{
    private const string Missing = "没有这个用户。";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await accounts.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View(new NewUserForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserForm form)
    {
        CheckRoles(form.Roles, nameof(form.Roles));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var generated = string.IsNullOrEmpty(form.Password);
        var password = generated ? AccountSeeder.GeneratePassword() : form.Password!;
        var (created, user) = await accounts.CreateAsync(form, password, HttpContext.ToActor());
        if (!created.Succeeded)
        {
            var codes = created.Errors.Select(e => e.Code).ToHashSet();
            foreach (var error in created.Errors.Where(e => !(e.Code == "DuplicateUserName" && codes.Contains("DuplicateEmail"))))
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : "", error.Description);
            }

            return View(form);
        }

        if (!generated)
        {
            TempData["Message"] = $"已创建用户“{user.DisplayName}”。";
            return RedirectToAction(nameof(Index));
        }

        return OneTimePassword(new OneTimePasswordPage(user.Id, user.DisplayName, user.Email ?? "", "已创建用户", "初始密码", password));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        var roles = (await users.GetRolesAsync(user)).ToList();
        var form = new UserDetailsForm { DisplayName = user.DisplayName, OrganizationName = user.OrganizationName, Roles = roles };
        return View(new EditUserPage(accounts.Row(user, roles), IsSelf(user), form));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Form")] UserDetailsForm form)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        var current = (await users.GetRolesAsync(user)).ToList();
        CheckRoles(form.Roles, "Form.Roles");
        if (IsSelf(user) && current.Contains(Roles.Administrator) && !form.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Form.Roles", "不能取消自己的管理员角色。");
        }

        if (!ModelState.IsValid)
        {
            return View(new EditUserPage(accounts.Row(user, current), IsSelf(user), form));
        }

        var result = await accounts.UpdateAsync(user, current, form, HttpContext.ToActor());
        if (result is { Succeeded: false })
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
        }
        else
        {
            TempData["Message"] = result is null ? "没有改动。" : "已保存。";
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Stops sign-in and ends existing sessions (new security stamp).</summary>
    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        if (IsSelf(user))
        {
            TempData["Error"] = "不能停用自己的账号。";
            return RedirectToAction(nameof(Edit), new { id });
        }

        await access.DisableAsync(user, HttpContext.ToActor());
        TempData["Message"] = $"已停用“{user.DisplayName}”，该账号不能再登录。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        await access.EnableAsync(user, HttpContext.ToActor());
        TempData["Message"] = $"已启用“{user.DisplayName}”。";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A new generated password, shown once; clears a lockout (but not 停用).</summary>
    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        var (result, password) = await access.ResetPasswordAsync(user, HttpContext.ToActor());
        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Edit), new { id });
        }

        return OneTimePassword(new OneTimePasswordPage(user.Id, user.DisplayName, user.Email ?? "", "已重置密码", "新密码", password));
    }

    /// <summary>The page that shows a password once: never cached.</summary>
    private ViewResult OneTimePassword(OneTimePasswordPage page)
    {
        Response.Headers.CacheControl = "no-store";
        return View(nameof(OneTimePassword), page);
    }

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
}
