using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Account;

/// <summary>Sign-in, sign-out, access denied, changing one's own password, and the mailed reset and activation links.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, SignInCheck check, AccountAudit audit, PasswordLinks links,
    Microsoft.Extensions.Options.IOptions<AuthOptions> options) : Controller
{
    /// <summary>The one answer to 忘记密码, whatever the address.</summary>
    public static string ResetSent(int minutes) =>
        $"如果该邮箱是本站的账号，重设密码的链接已发到该邮箱，{minutes} 分钟内有效，只能使用一次。请查收邮件（也请看看垃圾邮件）。";

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

        var user = outcome.Value!;
        if (!user.MustChangePassword && Url.IsLocalUrl(form.ReturnUrl))
        {
            return LocalRedirect(form.ReturnUrl);
        }

        return LocalRedirect(Landing.For((await users.GetRolesAsync(user)).ToList(), user.MustChangePassword));
    }

    /// <summary>
    /// Ends the session on the server too: a new security stamp makes every cookie of this account, copies included
    /// and on any node, refused from the next request (<see cref="SessionStampValidator"/>).
    /// </summary>
    [Authorize]
    [HttpPost("logout")]
    [PasswordChangeNotRequired]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.SignedOutAsync(user);
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
    [PasswordChangeNotRequired]
    public IActionResult Password() => View(new ChangePasswordForm());

    [Authorize]
    [HttpPost("password")]
    [PasswordChangeNotRequired]
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

        var wasDue = user.MustChangePassword;
        user.MustChangePassword = false; // saved with the new password, or not at all
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasDue;
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return View(form);
        }

        await signIn.RefreshSignInAsync(user);
        if (wasDue)
        {
            return LocalRedirect(Landing.For((await users.GetRolesAsync(user)).ToList(), false));
        }

        TempData["Message"] = "密码已修改。";
        return RedirectToAction(nameof(Password));
    }

    [AllowAnonymous]
    [HttpGet("forgot")]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    /// <summary>The same answer whether or not the address is an account's; limited like sign-in.</summary>
    [AllowAnonymous]
    [HttpPost("forgot")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Forgot(ForgotPasswordForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        await links.SendResetAsync(form.Email.Trim(), ct);
        TempData["Message"] = ResetSent(options.Value.ResetLinkMinutes);
        return RedirectToAction(nameof(Forgot));
    }

    [AllowAnonymous]
    [HttpGet("reset")]
    public Task<IActionResult> Reset(string? user, string? token) => LinkPageAsync("reset", user, token);

    [AllowAnonymous]
    [HttpPost("reset")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public Task<IActionResult> Reset(NewPasswordForm form) => UseLinkAsync("reset", form);

    [AllowAnonymous]
    [HttpGet("activate")]
    public Task<IActionResult> Activate(string? user, string? token) => LinkPageAsync("activate", user, token);

    [AllowAnonymous]
    [HttpPost("activate")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public Task<IActionResult> Activate(NewPasswordForm form) => UseLinkAsync("activate", form);

    private async Task<IActionResult> LinkPageAsync(string kind, string? userId, string? token)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the token is in the address
        if (await links.CheckAsync(kind, userId, token) is not { } user)
        {
            return LinkInvalid();
        }

        return View("NewPassword", Page(kind, user.Email, new NewPasswordForm { User = userId, Token = token }));
    }

    private async Task<IActionResult> UseLinkAsync(string kind, NewPasswordForm form)
    {
        Response.Headers.CacheControl = "no-store";
        var user = await links.CheckAsync(kind, form.User, form.Token);
        if (user is null)
        {
            return LinkInvalid();
        }

        if (ModelState.IsValid)
        {
            var outcome = await links.UseAsync(kind, form.User, form.Token, form.NewPassword);
            if (outcome.Succeeded)
            {
                TempData["Message"] = kind == "activate" ? "账号已激活，请用新密码登录。" : "密码已重设，请用新密码登录。";
                return RedirectToAction(nameof(Login));
            }

            outcome.Errors.ToList().ForEach(e => ModelState.AddModelError("", e));
        }

        return View("NewPassword", Page(kind, user.Email, form));
    }

    private ViewResult LinkInvalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("LinkInvalid");
    }

    private static NewPasswordPage Page(string kind, string? email, NewPasswordForm form) =>
        new(kind, kind == "activate" ? "激活账号" : "重设密码", email, form);
}
