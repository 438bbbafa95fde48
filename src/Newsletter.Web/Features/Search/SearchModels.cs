namespace Newsletter.Web.Features.Search;

/// <summary>One article or brief as the index holds it.</summary>
public sealed record SearchDocument(
    int ArticleId,
    int IssueId,
    string Title,
    string Body,
    int SectionId,
    string SectionName,
    int Year,
    string IssueLabel,
    string? Organization,
    string? Correspondents,
    string? Author,
    bool IsPublic,
    long DateKey,
    string IssueUrl = "");

public enum SearchSort
{
    Relevance,
    Date,
}

public sealed record SearchRequest(string? Query, int? SectionId, int? Year, string? Organization, SearchSort Sort, int Page, bool SignedIn)
{
    public const int PageSize = 10;

    /// <summary>Only this issue (searching from an issue's page).</summary>
    public int? IssueId { get; init; }

    /// <summary>Only issues dated from this day (the print date, else the first of the cover month).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only issues dated up to this day.</summary>
    public DateOnly? To { get; init; }
}

public sealed record SearchHit(int ArticleId, string TitleHtml, string SnippetHtml, string IssueLabel, string SectionName, string? Organization)
{
    /// <summary>The issue's page, for the heading the hits of one issue are grouped under.</summary>
    public string IssueUrl { get; init; } = "";
}

/// <summary>
/// One page of hits and their total. <see cref="Partial"/>: no article has all the words, these have some of them.
/// <see cref="Words"/>: how the query was understood (shown as chips).
/// </summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits)
{
    public bool Partial { get; init; }

    public IReadOnlyList<QueryWord> Words { get; init; } = [];

    /// <summary>您要找的是不是…: a query with one word replaced by a near one (姚璇 → 姚瑛) that has results.</summary>
    public string? Suggestion { get; init; }

    public static SearchResults Empty { get; } = new(0, []);
}

/// <summary>The seam to the full-text index: Lucene.NET here; each web node keeps its own.</summary>
public interface ISearchIndex
{
    /// <summary>Whether an index has been built and committed in this node's data folder.</summary>
    bool Exists { get; }

    /// <summary>The last search-outbox entry this index has applied.</summary>
    long Position { get; }

    int DocumentCount { get; }

    SearchResults Search(SearchRequest request);

    /// <summary>Replaces everything indexed for one issue (no documents removes it) and records the position, atomically.</summary>
    void ReplaceIssues(IReadOnlyDictionary<int, IReadOnlyList<SearchDocument>> issues, long position);

    void Rebuild(IEnumerable<SearchDocument> documents, long position);
}
