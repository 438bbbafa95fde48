namespace Newsletter.Web.Domain;

/// <summary>审稿意见: a note on an article or an issue; a return note is one too.</summary>
public class ReviewComment
{
    /// <summary>The longest note the comment boxes accept (and the column holds).</summary>
    public const int MaxBodyLength = 2000;

    public int Id { get; set; }

    public int? ArticleId { get; set; }

    public int? IssueId { get; set; }

    public string? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the note came with a status change (退回修改, 撤回 …).</summary>
    public string? Action { get; set; }

    /// <summary>意见 written on its own: not empty, at most <see cref="MaxBodyLength"/> characters.</summary>
    public static Outcome<ReviewComment> Create(Actor author, string? body, DateTime utcNow) =>
        string.IsNullOrWhiteSpace(body) || body.Length > MaxBodyLength
            ? Outcome<ReviewComment>.Invalid($"意见不能为空，且不超过 {MaxBodyLength} 字。")
            : Outcome.Ok(By(author, body, utcNow, action: null));

    /// <summary>The note that came with a transition (its label, e.g. 退回修改), as the workflow asked for it.</summary>
    public static ReviewComment OnTransition(Actor author, string note, string action, DateTime utcNow) =>
        By(author, note, utcNow, action);

    private static ReviewComment By(Actor author, string body, DateTime utcNow, string? action) => new()
    {
        AuthorId = author.UserId, AuthorName = author.Name, Body = body.Trim(), CreatedAt = utcNow, Action = action,
    };
}
