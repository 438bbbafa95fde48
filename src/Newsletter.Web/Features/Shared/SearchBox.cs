namespace Newsletter.Web.Features.Shared;

/// <summary>The search box in every page's header and on /search: how much of a query is used.</summary>
public static class SearchBox
{
    /// <summary>Longer queries are cut to this many characters (and the search page says so).</summary>
    public const int MaxLength = 100;

    /// <summary>The part of a query that is searched for and shown back.</summary>
    public static string Cut(string query) => query.Length > MaxLength ? query[..MaxLength] : query;
}
