namespace Newsletter.Web.Domain;

/// <summary>
/// 检索待办: "the search index must look at this issue again", written in the same transaction as a
/// publish, withdrawal or correction. Each web node applies the entries after its own index's position.
/// </summary>
public class SearchOutboxEntry
{
    public long Id { get; set; }

    public int IssueId { get; set; }

    public Issue? Issue { get; set; }

    public DateTime CreatedAt { get; set; }
}
