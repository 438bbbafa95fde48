namespace Newsletter.Web.Domain;

/// <summary>错敏词: a sensitive or commonly wrong word checked before an issue is approved.</summary>
public class SensitiveWord
{
    public int Id { get; set; }

    public required string Word { get; set; }

    /// <summary>The right form for a wrong word (e.g. 计划生育协会 for 计生协会), if any.</summary>
    public string? Suggestion { get; set; }

    public DateTime CreatedAt { get; set; }
}
