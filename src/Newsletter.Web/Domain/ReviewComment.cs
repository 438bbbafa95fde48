namespace Newsletter.Web.Domain;

/// <summary>审稿意见: a note on an article or an issue; a return note is one too.</summary>
public class ReviewComment
{
    public int Id { get; set; }

    public int? ArticleId { get; set; }

    public int? IssueId { get; set; }

    public string? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the note came with a status change (退回修改, 撤回 …).</summary>
    public string? Action { get; set; }
}
