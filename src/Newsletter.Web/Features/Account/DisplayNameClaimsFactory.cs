using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Account;

/// <summary>Puts the user's 姓名 into the sign-in cookie, for pages and the audit log, and whether the password must be changed first.</summary>
public sealed class DisplayNameClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ActorExtensions.DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeDueFilter.Claim, "true"));
        }

        return identity;
    }
}
