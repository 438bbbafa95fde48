using System.Net;
using System.Text.RegularExpressions;

namespace Newsletter.LoadBench;

/// <summary>The pages under load, as request paths (Chinese percent-encoded: Kestrel refuses raw UTF-8 in a URL).</summary>
public static partial class Paths
{
    public const string TwoCharacterWord = "托育";

    /// <summary>The 20 queries of the search benchmark, for the soak's mix.</summary>
    public static readonly string[] Queries =
    [
        "托育", "唇腭裂", "杜振宗", "向日葵亲子小屋", "刘名", "计生协", "婴幼儿照护", "优生优育", "家庭健康", "巡视整改",
        "两个确立", "生育支持", "人口发展", "志愿者", "特殊家庭", "暖心家园", "健康知识", "党课", "秀峰区", "合浦县",
    ];

    public static string Search(string query) => "/search?q=" + Uri.EscapeDataString(query);

    public static string Issue(int year, int number) => $"/issues/{year}/{number}";

    public static string Article(int id) => $"/articles/{id}";

    public static string Section(string slug) => $"/sections/{slug}";

    /// <summary>The portal's own stylesheet as the home page links it (fingerprinted or not).</summary>
    public static async Task<string> StylesheetAsync(HttpClient client)
    {
        var home = await client.GetStringAsync("/");
        var links = LinkTag().Matches(home).Select(m => m.Value).Where(tag => tag.Contains("rel=\"stylesheet\"", StringComparison.Ordinal))
            .Select(tag => WebUtility.HtmlDecode(Href().Match(tag).Groups[1].Value)).ToList();
        return links.FirstOrDefault(l => l.Contains("site", StringComparison.Ordinal)) ?? links.FirstOrDefault()
            ?? throw new InvalidOperationException("the home page links no stylesheet");
    }

    /// <summary>Fails unless every path answers 200 with a body to anonymous readers.</summary>
    public static async Task CheckAsync(HttpClient client, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} with {body.Length} bytes");
            }
        }
    }

    [GeneratedRegex("<link\\b[^>]*>")]
    private static partial Regex LinkTag();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
