namespace Newsletter.Web.Domain;

/// <summary>修订: every saved title and body of an article, numbered from 1.</summary>
public class ArticleRevision
{
    /// <summary>The note of revision 1 of an imported article: the wording as printed.</summary>
    public const string ImportedNote = "导入的原文";

    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    /// <summary>Why it was saved, e.g. 更正 or 恢复到第 3 版.</summary>
    public string? Note { get; set; }
}
