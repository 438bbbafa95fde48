using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>Uploads as the editor's script sends them (multipart, antiforgery field, JSON answer), and files to upload.</summary>
public static class MediaSteps
{
    /// <summary>Posts one file to the article's upload form; returns the stored row's id.</summary>
    public static async Task<int> UploadAsync(this HttpClient client, int articleId, string fileName, byte[] bytes, string kind = "picture", string? caption = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(client, $"/editorial/articles/{articleId}")), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(bytes), "files", fileName },
        };
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/editorial/articles/{articleId}/media") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("files")[0].GetProperty("id").GetInt32();
    }

    /// <summary>The real form's 删除 button (no JSON): a redirect when done, the refusal page otherwise.</summary>
    public static Task<HttpResponseMessage> RemoveMediaAsync(this HttpClient client, int articleId, int mediaId) =>
        client.PostFormAsync($"/editorial/articles/{articleId}", $"/editorial/articles/{articleId}/media/{mediaId}/remove", []);

    /// <summary>Saves a new text through the edit form (a new revision).</summary>
    public static async Task SaveBodyAsync(this PortalFactory portal, HttpClient client, int articleId, string body)
    {
        var (title, version) = await portal.ArticleAsync(articleId, a => (a.Title, a.Version));
        var response = await client.PostFormAsync($"/editorial/articles/{articleId}/edit", $"/editorial/articles/{articleId}/edit", new()
        {
            ["Title"] = title, ["Body"] = body, ["SectionId"] = "6", ["Version"] = version.ToString(),
            ["AttributionOrganization"] = "桂林市叠彩区计生协", ["Correspondents"] = "刘 名",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static Task<MediaFile?> MediaRowAsync(this PortalFactory portal, int mediaId) =>
        portal.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mediaId));

    /// <summary>The URL of a picture's largest stored size (whatever the processor made of the upload).</summary>
    public static string LargestUrl(MediaFile file) => MediaPaths.Variant(file.Id, file.VariantNames[^1], file.Extension);

    public static string FolderOf(PortalFactory portal, string sha256) => Path.Combine(portal.DataPath, "media", sha256[..2], sha256);

    /// <summary>A small PDF (what the attachment check accepts as PDF).</summary>
    public static byte[] Pdf(string text) =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>An opaque RGB PNG of <paramref name="width"/>×<paramref name="height"/>, its pixels drawn from <paramref name="seed"/> (different seeds, different bytes).</summary>
    public static byte[] Png(int width, int height, int seed) => TestPng.Noise(width, height, seed);
}
