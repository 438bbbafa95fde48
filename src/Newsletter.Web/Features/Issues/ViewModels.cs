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
public sealed record PrintViewModel(IssuePageViewModel Page, IReadOnlyDictionary<int, HtmlString> Bodies, bool Paged = false)
{
    /// <summary>Set for an editor's 样稿 of an issue not yet published: every page is marked, and the screen gets the proof bar.</summary>
    public ProofMarks? Proof { get; init; }
}

/// <summary>
/// What a 样稿 adds to the print view: the mark on every page and, on screen only (outside the printed area), the way back
/// to composing, the 样稿 PDF, and the issue's transition buttons — <paramref name="Actions"/> is the model of the editors'
/// <c>_IssueActions</c> partial (found beside the editorial controller that renders the page); null in the PDF.
/// </summary>
public sealed record ProofMarks(string ComposeUrl, string PdfUrl, object? Actions);
