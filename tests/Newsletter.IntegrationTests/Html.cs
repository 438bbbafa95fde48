using AngleSharp;
using AngleSharp.Dom;

namespace Newsletter.IntegrationTests;

public static class Html
{
    public static async Task<IDocument> ParseAsync(string html) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));

    public static async Task<(HttpResponseMessage Response, IDocument Document, string Body)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return (response, await ParseAsync(body), body);
    }
}
