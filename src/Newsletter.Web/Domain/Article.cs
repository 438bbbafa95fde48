namespace Newsletter.Web.Domain;

/// <summary>
/// 文章 or 简讯: one entity for reports, reprints, signed articles, lectures and briefs;
/// what kind it is shows in which optional fields are set and in its section's kind.
/// </summary>
public class Article : IVersioned
{
    /// <summary>The longest title the article editor accepts, and so the importer too.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest body (Markdown) the article editor accepts, and so the importer too.</summary>
    public const int MaxBodyLength = 100_000;

    public int Id { get; set; }

    public int? IssueId { get; set; }

    public Issue? Issue { get; set; }

    public int? SectionId { get; set; }

    public Section? Section { get; set; }

    /// <summary>Order within its section of the issue, from 1.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown, rendered by the one site pipeline.</summary>
    public string Body { get; set; } = "";

    /// <summary>署名单位: （自治区计生协项目部）, or a brief's organisation.</summary>
    public string? AttributionOrganization { get; set; }

    /// <summary>通讯员, as printed, separated by 、 (刘 名; 吴秀晓、李耀来、何义萍).</summary>
    public string? Correspondents { get; set; }

    /// <summary>作者 or, for a 党课, the speaker (何 翔; 曾强华).</summary>
    public string? AuthorName { get; set; }

    /// <summary>The author's title (中国计划生育协会党组成员、副秘书长).</summary>
    public string? AuthorTitle { get; set; }

    public SourceKind? SourceKind { get; set; }

    /// <summary>中国计生协官网 in （摘自 2022-12-08 中国计生协官网）.</summary>
    public string? SourceName { get; set; }

    public DateOnly? SourceDate { get; set; }

    /// <summary>The date under the title, as a 党课 has （2023年3月28日）.</summary>
    public DateOnly? Dateline { get; set; }

    /// <summary>The page of the printed issue where it starts, as the 目录 says.</summary>
    public int? PrintedPage { get; set; }

    private ArticleStatus status;

    /// <summary>Changed only by the transition methods below (one per row of <see cref="ArticleWorkflow"/>); set at creation.</summary>
    public ArticleStatus Status { get => status; init => status = value; }

    /// <summary>The user who wrote it (a correspondent sees only their own).</summary>
    public string? CreatedById { get; set; }

    public string? CreatedByName { get; set; }

    public List<Correction> Corrections { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> CorrespondentList =>
        string.IsNullOrWhiteSpace(Correspondents)
            ? []
            : Correspondents.Split('、', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The attribution line as printed at the end: （桂林市叠彩区计生协 刘 名）.</summary>
    public string? AttributionLine
    {
        get
        {
            var parts = new[] { AttributionOrganization, Correspondents }
                .Where(p => !string.IsNullOrWhiteSpace(p));
            var text = string.Join(" ", parts);
            return text.Length == 0 ? null : $"（{text}）";
        }
    }

    /// <summary>（摘自 2022-12-08 中国计生协官网） or （本文来源：中国计生协）.</summary>
    public string? SourceLine => SourceKind switch
    {
        Domain.SourceKind.Excerpt => $"（摘自 {SourceDate:yyyy-MM-dd} {SourceName}）".Replace("  ", " "),
        Domain.SourceKind.Origin => $"（本文来源：{SourceName}）",
        _ => null,
    };

    // One method per action of ArticleWorkflow (提交/重新提交, 退回修改, 采用/直接采用, 撤销采用). The caller has asked
    // ArticleWorkflow.Instance.Check (roles, ownership, guard, note); the target status comes from the table.

    public void Submit(DateTime utcNow) => Move(ArticleAction.Submit, utcNow);

    public void Return(DateTime utcNow) => Move(ArticleAction.Return, utcNow);

    public void Accept(DateTime utcNow) => Move(ArticleAction.Accept, utcNow);

    public void Reopen(DateTime utcNow) => Move(ArticleAction.Reopen, utcNow);

    /// <summary>An article imported from a printed issue: it was accepted when that issue was made.</summary>
    public void AcceptAsPrinted() => status = ArticleStatus.Accepted;

    private void Move(ArticleAction action, DateTime utcNow)
    {
        status = ArticleWorkflow.Instance.To(status, action);
        UpdatedAt = utcNow;
    }
}
