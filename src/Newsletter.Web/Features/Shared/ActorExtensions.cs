using System.Security.Claims;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

public static class ActorExtensions
{
    public const string DisplayNameClaim = "display_name";

    /// <summary>The signed-in user as the workflow sees them: id, name, roles and address.</summary>
    public static Actor ToActor(this HttpContext context)
    {
        var user = context.User;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var name = user.FindFirstValue(DisplayNameClaim) is { Length: > 0 } display ? display : user.Identity?.Name ?? "匿名";
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), name, roles, context.Connection.RemoteIpAddress?.ToString());
    }
}
