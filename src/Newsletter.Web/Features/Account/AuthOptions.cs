namespace Newsletter.Web.Features.Account;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Sign a user out after this many minutes without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;
}
