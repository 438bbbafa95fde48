namespace Newsletter.Web.Features.Shared;

/// <summary>How an expected rule failure ends: the page shows the message; nothing was changed.</summary>
public enum OutcomeKind
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

public sealed record Outcome(OutcomeKind Kind, string? Message = null)
{
    public static Outcome Done { get; } = new(OutcomeKind.Done);

    public bool Succeeded => Kind == OutcomeKind.Done;

    public static Outcome NotFound(string message) => new(OutcomeKind.NotFound, message);

    public static Outcome Forbidden(string message) => new(OutcomeKind.Forbidden, message);

    public static Outcome Invalid(string message) => new(OutcomeKind.Invalid, message);

    /// <summary>Someone else changed the same thing first (409); nothing of this request was saved.</summary>
    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, message);

    public static Outcome From(Domain.Refusal refusal, string? message) => refusal switch
    {
        Domain.Refusal.None => Done,
        Domain.Refusal.NotPermitted => Forbidden(message ?? "没有权限。"),
        _ => Invalid(message ?? "不能执行这个操作。"),
    };
}
