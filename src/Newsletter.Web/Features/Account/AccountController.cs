using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Newsletter.Web.Infrastructure;

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

/// <summary>Sign-in, sign-out, access denied and changing one's own password.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim()) ?? await users.FindByNameAsync(form.Email.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", "该账号已停用，请联系管理员。");
            return View(form);
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (Url.IsLocalUrl(form.ReturnUrl))
            {
                return LocalRedirect(form.ReturnUrl);
            }

            var roles = await users.GetRolesAsync(user!);
            return LocalRedirect(roles.Any(r => r != Domain.Roles.Member) ? "/editorial" : "/");
        }

        if (result.IsLockedOut && user?.LockoutEnd is { } end)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError("", $"登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试。");
        }
        else
        {
            ModelState.AddModelError("", "账号或密码不正确。连续输错 5 次，账号将锁定 15 分钟。");
        }

        return View(form);
    }

    /// <summary>
    /// Ends the session on the server too: a new security stamp makes every cookie of this account, copies included
    /// and on any node, refused from the next request (<see cref="SessionStampValidator"/>).
    /// </summary>
    [Authorize]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [Authorize]
    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordForm());

    [Authorize]
    [HttpPost("password")]
    public async Task<IActionResult> Password(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return View(form);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改。";
        return RedirectToAction(nameof(Password));
    }
}
