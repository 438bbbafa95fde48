using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

/// <summary>A whole issue as a page shows it (masthead, 目录, footer): the reading side and the editors' preview.</summary>
public sealed class IssuePageViewModel(Issue issue, Publication publication)
{
    public Issue Issue { get; } = issue;

    public Publication Publication { get; } = publication;

    /// <summary>Sections in the administrators' order, each with the issue's items in position order.</summary>
    public IReadOnlyList<TocSection> Toc { get; } = issue.TableOfContents();

    /// <summary>Where the 目录 links an article: its public page, or (the editors' preview before publication) its editorial page.</summary>
    public Func<Article, string> ArticleUrl { get; init; } = ArchiveUrls.Article;

    /// <summary>For members only (its own setting, else the publication's default): no shared cache may keep its copies.</summary>
    public bool IsMembersOnly => Issue.EffectiveVisibility(Publication) != IssueVisibility.Public;
}
