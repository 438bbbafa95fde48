namespace Newsletter.Web.Domain;

/// <summary>Who is acting: a signed-in user with their roles, or the system scheduler.</summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<string> Roles, string? IpAddress = null)
{
    public static Actor System { get; } = new(null, "系统（定时发布）", new HashSet<string> { Domain.Roles.System });

    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsAny(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    public bool IsEditor => IsIn(Domain.Roles.Editor) || IsIn(Domain.Roles.ChiefEditor);
}
