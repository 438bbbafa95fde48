using Microsoft.AspNetCore.Html;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Issues;

/// <summary>Response headers of members-only content that is a whole issue in one file (print view, PDF).</summary>
public static class MembersOnlyResponse
{
    /// <summary>Neither the browser's disk nor a proxy on the way may store it; readers sign in to fetch it again.</summary>
    public const string CacheControl = "private, no-store";
}

public sealed record HomeViewModel(IssuePageViewModel? Latest, IReadOnlyList<Issue> Recent, IReadOnlyList<YearCount> Years);

public sealed record YearArchiveViewModel(int Year, IReadOnlyList<Issue> Issues, IReadOnlyList<YearCount> Years);

public sealed record YearsViewModel(IReadOnlyList<YearCount> Years, IReadOnlyList<Issue> Issues);

/// <summary>
/// The A4 print layout of a whole issue, with every article's body rendered. <paramref name="Paged"/>: the page that
/// headless Chromium prints to PDF, laid out by Paged.js, with print.css and paged.polyfill.js beside it and the
/// 目录's page numbers taken from the laid-out pages.
/// </summary>
public sealed record PrintViewModel(IssuePageViewModel Page, IReadOnlyDictionary<int, HtmlString> Bodies, bool Paged = false);
