using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Newsletter.Web.Features.Account;

/// <summary>Marks the actions open to someone whose password must be changed first (change password, sign out).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class PasswordChangeNotRequiredAttribute : Attribute;

/// <summary>
/// A generated or reset password (<see cref="ApplicationUser.MustChangePassword"/>, carried in the sign-in cookie as a
/// claim) opens only the change-password page and sign-out: every other page redirects there. Static files are served
/// before MVC and are not affected; error pages are let through so a 404 still reads as one.
/// </summary>
public sealed class PasswordChangeDueFilter : IAuthorizationFilter
{
    public const string Claim = "must_change_password";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.User.HasClaim(Claim, "true")
            || context.ActionDescriptor.EndpointMetadata.OfType<PasswordChangeNotRequiredAttribute>().Any()
            || http.Request.Path.StartsWithSegments("/errors"))
        {
            return;
        }

        context.Result = new RedirectResult("/account/password");
    }
}
