using Microsoft.AspNetCore.Html;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Issues;

/// <summary>One section of an issue's 目录, with its items in order.</summary>
public sealed record TocSection(Section Section, IReadOnlyList<Article> Articles);

public sealed class IssuePageViewModel(Issue issue, Publication publication)
{
    public Issue Issue { get; } = issue;

    public Publication Publication { get; } = publication;

    /// <summary>Sections in the administrators' order, each with the issue's items in position order.</summary>
    public IReadOnlyList<TocSection> Toc { get; } = issue.Articles
        .Where(a => a.Section is not null)
        .GroupBy(a => a.Section!.Id)
        .Select(g => new TocSection(g.First().Section!, g.OrderBy(a => a.Position).ToList()))
        .OrderBy(s => s.Section.SortOrder)
        .ToList();

    /// <summary>For members only (its own setting, else the publication's default): no shared cache may keep its copies.</summary>
    public bool IsMembersOnly => Issue.EffectiveVisibility(Publication) != IssueVisibility.Public;
}

/// <summary>Response headers of members-only content that is a whole issue in one file (print view, PDF).</summary>
public static class MembersOnlyResponse
{
    /// <summary>Neither the browser's disk nor a proxy on the way may store it; readers sign in to fetch it again.</summary>
    public const string CacheControl = "private, no-store";
}

public sealed record HomeViewModel(IssuePageViewModel? Latest, IReadOnlyList<Issue> Recent, IReadOnlyList<YearCount> Years);

public sealed record YearArchiveViewModel(int Year, IReadOnlyList<Issue> Issues, IReadOnlyList<YearCount> Years);

public sealed record YearsViewModel(IReadOnlyList<YearCount> Years, IReadOnlyList<Issue> Issues);

public sealed record ArticlePageViewModel(
    Article Article, Issue Issue, Publication Publication, HtmlString BodyHtml, Article? Previous, Article? Next);

public sealed record SectionPageViewModel(
    Section Section, IReadOnlyList<Section> Sections, IReadOnlyList<Article> Articles, int Page, int TotalPages, int Total);

public sealed record SectionsViewModel(IReadOnlyList<Section> Sections);

/// <summary>
/// The A4 print layout of a whole issue, with every article's body rendered. <paramref name="Paged"/>: the page that
/// headless Chromium prints to PDF, laid out by Paged.js, with print.css and paged.polyfill.js beside it and the
/// 目录's page numbers taken from the laid-out pages.
/// </summary>
public sealed record PrintViewModel(IssuePageViewModel Page, IReadOnlyDictionary<int, HtmlString> Bodies, bool Paged = false);
