namespace Newsletter.Web.Domain;

/// <summary>How an expected rule failure ends: the page shows the message; nothing was changed.</summary>
public enum OutcomeKind
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>Done, or why not: the reasons, in Chinese, for the page (or the command line) to show.</summary>
public class Outcome
{
    private protected Outcome(OutcomeKind kind, IReadOnlyList<string> errors)
    {
        Kind = kind;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }

    /// <summary>Why it was refused; empty when done. Usually one reason; a file read for import may give several.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The (first) reason it was refused.</summary>
    public string? Message => Errors.Count > 0 ? Errors[0] : null;

    public bool Succeeded => Kind == OutcomeKind.Done;

    public static Outcome Done { get; } = new(OutcomeKind.Done, []);

    public static Outcome<T> Ok<T>(T value) => new(OutcomeKind.Done, [], value);

    public static Outcome NotFound(string message) => new(OutcomeKind.NotFound, [message]);

    public static Outcome Forbidden(string message) => new(OutcomeKind.Forbidden, [message]);

    public static Outcome Invalid(params IEnumerable<string> messages) => new(OutcomeKind.Invalid, [.. messages]);

    /// <summary>Someone else changed the same thing first (409); nothing of this request was saved.</summary>
    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, [message]);

    public static Outcome From(Refusal refusal, string? message) => refusal switch
    {
        Refusal.None => Done,
        Refusal.NotPermitted => Forbidden(message ?? "没有权限。"),
        // The item is no longer in the state the form was made for (a second tab, a colleague acted first): a conflict.
        Refusal.NotFromThisStatus => Conflict((message ?? "状态已经变了，不能执行这个操作。") + "可能有人（或您在另一个窗口）刚刚处理过它，请查看最新状态。"),
        _ => Invalid(message ?? "不能执行这个操作。"),
    };
}

/// <summary>Done with a value (the new issue, the text read from a file …), or why not.</summary>
public sealed class Outcome<T> : Outcome
{
    internal Outcome(OutcomeKind kind, IReadOnlyList<string> errors, T? value)
        : base(kind, errors) => Value = value;

    /// <summary>Set when <see cref="Outcome.Succeeded"/>; the default of <typeparamref name="T"/> otherwise.</summary>
    public T? Value { get; }

    /// <summary>A refusal, as the result of a step that would have given a <typeparamref name="T"/>.</summary>
    public static Outcome<T> Refused(Outcome refusal) => refusal.Succeeded
        ? throw new ArgumentException("A refusal was expected, not a success.", nameof(refusal))
        : new(refusal.Kind, refusal.Errors, default);

    public static new Outcome<T> Invalid(params IEnumerable<string> messages) => Refused(Outcome.Invalid(messages));
}
