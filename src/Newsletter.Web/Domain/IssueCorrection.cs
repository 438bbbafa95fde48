namespace Newsletter.Web.Domain;

/// <summary>
/// 更正 of a published issue's own lines (送, 发, the editors, 印发日期 …): what was printed, what it is now, and why;
/// shown on the issue with its date, never silent.
/// </summary>
public class IssueCorrection
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }

    public int IssueId { get; set; }

    public DateTime CorrectedAt { get; set; }

    /// <summary>The line corrected, as its label reads (送, 发, 总编辑 …).</summary>
    public required string Field { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public required string Note { get; set; }

    public string? ById { get; set; }

    public required string ByName { get; set; }
}
