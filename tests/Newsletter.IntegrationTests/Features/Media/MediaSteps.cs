using System.IO.Compression;
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
    public static byte[] Png(int width, int height, int seed)
    {
        var random = new Random(seed);
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width * 3; x++)
            {
                raw[row + 1 + x] = (byte)((x * 7) + (y * 3) + random.Next(16)); // noise keeps it from compressing to nothing
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), value);

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
