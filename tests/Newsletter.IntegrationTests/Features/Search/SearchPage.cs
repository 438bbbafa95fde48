using System.Net;
using AngleSharp.Dom;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>What a reader sees on /search: the count, the titles in order, the snippets.</summary>
public sealed record SearchPage(HttpStatusCode Status, int Count, IReadOnlyList<string> Titles, IReadOnlyList<string> TitleHtml, IReadOnlyList<string> Snippets, IDocument Document)
{
    public static async Task<SearchPage> GetAsync(HttpClient client, string query, string extra = "")
    {
        var response = await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}{extra}");
        var document = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var count = int.TryParse(document.QuerySelector("#result-count")?.TextContent, out var n) ? n : 0;
        var links = document.QuerySelectorAll(".search-results h3 a").ToList();
        return new SearchPage(response.StatusCode, count, links.Select(a => a.TextContent).ToList(), links.Select(a => a.InnerHtml).ToList(),
            document.QuerySelectorAll(".search-results .snippet").Select(p => p.InnerHtml).ToList(), document);
    }
}
