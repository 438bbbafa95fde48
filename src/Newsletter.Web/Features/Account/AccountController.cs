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
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, SignInCheck check) : Controller
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

        var outcome = await check.SignInAsync(form.Email.Trim(), form.Password);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", outcome.Message!);
            return View(form);
        }

        if (Url.IsLocalUrl(form.ReturnUrl))
        {
            return LocalRedirect(form.ReturnUrl);
        }

        var roles = await users.GetRolesAsync(outcome.Value!);
        return LocalRedirect(roles.Any(r => r != Domain.Roles.Member) ? "/editorial" : "/");
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
