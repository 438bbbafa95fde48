using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Users;

/// <summary>用户管理: list, create, edit, disable/enable, unlock accounts and reset passwords. Every change is audited.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/users")]
public sealed class UsersController(
    UserManager<ApplicationUser> users, UserAccounts accounts, UserAccess access, OrganizationChoices organizations,
    PasswordLinks links, IConfiguration configuration) : Controller
{
    private const string Missing = "没有这个用户。";

    /// <summary>Mail goes out over SMTP (not only into the pickup folder): the activation link is then the default.</summary>
    private bool MailConfigured => !string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await accounts.ListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(await WithChoicesAsync(new NewUserForm { Setup = MailConfigured ? AccountSetup.Email : AccountSetup.Password }, null, ct));

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserForm form, CancellationToken ct)
    {
        CheckRoles(form.Roles, nameof(form.Roles));
        var organization = await ChosenAsync(form.OrganizationId, null, nameof(form.OrganizationId), ct);
        if (form.Setup == AccountSetup.Email && !string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), "选择发送激活邮件时不要填写初始密码，由本人通过邮件中的链接自己设置。");
        }

        if (!ModelState.IsValid)
        {
            return View(await WithChoicesAsync(form, null, ct));
        }

        var byMail = form.Setup == AccountSetup.Email;
        var generated = !byMail && string.IsNullOrEmpty(form.Password);
        var password = byMail ? null : generated ? AccountSeeder.GeneratePassword() : form.Password!;
        var how = byMail ? "发送激活邮件" : generated ? "生成初始密码" : "管理员设置初始密码";
        var (created, user) = await accounts.CreateAsync(form, organization, password, generated, HttpContext.ToActor(), how);
        if (!created.Succeeded)
        {
            var codes = created.Errors.Select(e => e.Code).ToHashSet();
            foreach (var error in created.Errors.Where(e => !(e.Code == "DuplicateUserName" && codes.Contains("DuplicateEmail"))))
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : "", error.Description);
            }

            return View(await WithChoicesAsync(form, null, ct));
        }

        if (byMail)
        {
            var sent = await links.SendActivationAsync(user, ct);
            TempData[sent ? "Message" : "Error"] = sent
                ? $"已创建用户“{user.DisplayName}”，激活链接已发到 {user.Email}。"
                : $"已创建用户“{user.DisplayName}”，但激活邮件未能发出。请检查邮件设置，或用“重置密码”生成初始密码。";
            return RedirectToAction(nameof(Edit), new { id = user.Id });
        }

        if (!generated)
        {
            TempData["Message"] = $"已创建用户“{user.DisplayName}”。";
            return RedirectToAction(nameof(Index));
        }

        return OneTimePassword(new OneTimePasswordPage(user.Id, user.DisplayName, user.Email ?? "", "已创建用户", "初始密码", password!));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        var roles = (await users.GetRolesAsync(user)).ToList();
        var form = new UserDetailsForm { DisplayName = user.DisplayName, OrganizationId = user.OrganizationId, Roles = roles };
        return View(new EditUserPage(accounts.Row(user, roles), IsSelf(user), await WithChoicesAsync(form, user, ct)));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Form")] UserDetailsForm form, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        var current = (await users.GetRolesAsync(user)).ToList();
        CheckRoles(form.Roles, "Form.Roles");
        var organization = await ChosenAsync(form.OrganizationId, user.OrganizationId, "Form.OrganizationId", ct);
        if (IsSelf(user) && current.Contains(Roles.Administrator) && !form.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Form.Roles", "不能取消自己的管理员角色。");
        }

        if (!ModelState.IsValid)
        {
            return View(new EditUserPage(accounts.Row(user, current), IsSelf(user), await WithChoicesAsync(form, user, ct)));
        }

        var result = await accounts.UpdateAsync(user, current, form, organization, HttpContext.ToActor());
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

    /// <summary>解除锁定: a person locked out by wrong passwords may sign in again at once (audited).</summary>
    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return this.NotFoundPage(Missing);
        }

        var unlocked = await access.UnlockAsync(user, HttpContext.ToActor());
        TempData["Message"] = unlocked ? $"已解除“{user.DisplayName}”的锁定。" : "该账号没有被锁定。";
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

    private async Task<T> WithChoicesAsync<T>(T form, ApplicationUser? user, CancellationToken ct)
        where T : UserDetailsForm
    {
        form.OrganizationChoices = await organizations.ListAsync(user?.OrganizationId, ct);
        return form;
    }

    /// <summary>The organisation the form names, or null for none; an unknown or deactivated one is a form error.</summary>
    private async Task<Domain.Organization?> ChosenAsync(int? id, int? current, string key, CancellationToken ct)
    {
        if (id is not { } chosen)
        {
            return null;
        }

        var organization = await organizations.FindAsync(chosen, current, ct);
        if (organization is null)
        {
            ModelState.AddModelError(key, OrganizationChoices.Unknown);
        }

        return organization;
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
