using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>Every field of an article that a writer or editor can change.</summary>
public sealed class ArticleForm
{
    [Required(ErrorMessage = "请填写标题。")]
    [StringLength(Article.MaxTitleLength, ErrorMessage = "标题不能超过 200 个字。")]
    [Display(Name = "标题")]
    public string Title { get; set; } = "";

    [Display(Name = "栏目")]
    public int? SectionId { get; set; }

    [StringLength(Article.MaxBodyLength, ErrorMessage = "正文不能超过 10 万字。")]
    [Display(Name = "正文（Markdown）")]
    public string? Body { get; set; }

    [StringLength(100, ErrorMessage = "署名单位不能超过 100 个字。")]
    [Display(Name = "署名单位")]
    public string? AttributionOrganization { get; set; }

    [StringLength(200, ErrorMessage = "通讯员不能超过 200 个字。")]
    [Display(Name = "通讯员（多人用“、”分隔）")]
    public string? Correspondents { get; set; }

    [StringLength(50, ErrorMessage = "作者不能超过 50 个字。")]
    [Display(Name = "作者 / 主讲人")]
    public string? AuthorName { get; set; }

    [StringLength(100, ErrorMessage = "作者职务不能超过 100 个字。")]
    [Display(Name = "作者职务")]
    public string? AuthorTitle { get; set; }

    [Display(Name = "来源类型")]
    public SourceKind? SourceKind { get; set; }

    [StringLength(100, ErrorMessage = "来源不能超过 100 个字。")]
    [Display(Name = "来源（如 中国计生协官网）")]
    public string? SourceName { get; set; }

    [Display(Name = "来源日期")]
    public DateOnly? SourceDate { get; set; }

    [Display(Name = "日期行（党课等）")]
    public DateOnly? Dateline { get; set; }

    [Range(1, 999, ErrorMessage = "页码应在 1 到 999 之间。")]
    [Display(Name = "印刷版页码")]
    public int? PrintedPage { get; set; }

    /// <summary>The version the writer started from; a newer stored version means someone else saved meanwhile.</summary>
    public int Version { get; set; }

    public static ArticleForm From(Article a) => new()
    {
        Title = a.Title,
        SectionId = a.SectionId,
        Body = a.Body,
        AttributionOrganization = a.AttributionOrganization,
        Correspondents = a.Correspondents,
        AuthorName = a.AuthorName,
        AuthorTitle = a.AuthorTitle,
        SourceKind = a.SourceKind,
        SourceName = a.SourceName,
        SourceDate = a.SourceDate,
        Dateline = a.Dateline,
        PrintedPage = a.PrintedPage,
        Version = a.Version,
    };

    public void ApplyTo(Article a)
    {
        a.Title = Title.Trim();
        a.SectionId = SectionId;
        a.Body = (Body ?? "").Replace("\r\n", "\n");
        a.AttributionOrganization = Clean(AttributionOrganization);
        a.Correspondents = Clean(Correspondents);
        a.AuthorName = Clean(AuthorName);
        a.AuthorTitle = Clean(AuthorTitle);
        a.SourceKind = string.IsNullOrWhiteSpace(SourceName) ? null : SourceKind;
        a.SourceName = Clean(SourceName);
        a.SourceDate = SourceDate;
        a.Dateline = Dateline;
        a.PrintedPage = PrintedPage;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
