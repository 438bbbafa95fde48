namespace Newsletter.Web.Domain;

/// <summary>更正: a change to a published article, shown on it with its date; never silent.</summary>
public class Correction
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public DateTime CorrectedAt { get; set; }

    public required string Note { get; set; }

    public string? ById { get; set; }

    public required string ByName { get; set; }
}
