namespace Newsletter.Web.Domain;

/// <summary>操作日志: one state change, append-only (the context refuses to change or delete entries).</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>Issue, Article, User, SensitiveWord, …</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public required string Action { get; set; }

    public string? FromStatus { get; set; }

    public string? ToStatus { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}
