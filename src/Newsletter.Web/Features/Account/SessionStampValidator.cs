using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;

namespace Newsletter.Web.Features.Account;

/// <summary>
/// Checks on every request that the sign-in cookie still carries the account's current security stamp (one lookup by
/// primary key), so a cookie dies at once — on every node — when its user signs out, changes or is given a new password,
/// or is disabled. The roles in the cookie are still refreshed by Identity's own check, every
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>.
/// </summary>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signIn, ILoggerFactory logger,
    NewsletterDbContext db)
    : SecurityStampValidator<ApplicationUser>(options, signIn, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await IsCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await base.ValidateAsync(context);
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var claims = SignInManager.Options.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }

        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp)
            .SingleOrDefaultAsync(ct);
        return current == stamp;
    }
}
