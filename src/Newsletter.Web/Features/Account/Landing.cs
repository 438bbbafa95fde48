using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Account;

/// <summary>Where a person lands after signing in: a page their roles may open (an administrator who is not an editor was sent to /editorial and refused).</summary>
public static class Landing
{
    public static string For(IReadOnlyCollection<string> roles, bool mustChangePassword) =>
        mustChangePassword ? "/account/password"
        : roles.Contains(Roles.Editor) || roles.Contains(Roles.ChiefEditor) ? "/editorial"
        : roles.Contains(Roles.Administrator) ? "/admin/users"
        : roles.Contains(Roles.Correspondent) ? "/editorial/articles"
        : "/";
}
