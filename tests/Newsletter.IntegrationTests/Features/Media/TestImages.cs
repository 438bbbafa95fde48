using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>Real files made in code (a PNG, a PDF), and uploads through the editor's endpoint.</summary>
public static class TestImages
{
    /// <summary>An opaque RGB PNG: left half red, right half blue, so an orientation or crop shows.</summary>
    public static byte[] Png(int width, int height, byte shade = 0) => TestPng.Halves(width, height, shade);

    /// <summary>A minimal real PDF (one empty page) to attach.</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>Posts files to the editor's upload endpoint as its script does (JSON back) or as the plain form does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, int articleId, IEnumerable<(byte[] Bytes, string Name)> files, string kind = "picture",
        string? caption = null, string? alt = null, bool json = true, string? tokenPage = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(client, tokenPage ?? $"/editorial/articles/{articleId}")), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
        };
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }

        foreach (var (bytes, name) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/editorial/articles/{articleId}/media") { Content = form };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>The stored files of a JSON answer: (id, url, markdown) each; the errors.</summary>
    public static async Task<(List<(int Id, string Url, string? Markdown)> Files, List<string> Errors)> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var files = json.RootElement.GetProperty("files").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetInt32(), f.GetProperty("url").GetString()!,
                f.GetProperty("markdown").ValueKind == JsonValueKind.String ? f.GetProperty("markdown").GetString() : null))
            .ToList();
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        return (files, errors);
    }
}
