using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>Real image files made in code (a PNG with its CRCs and zlib data), and uploads through the editor's endpoint.</summary>
public static class TestImages
{
    /// <summary>An opaque RGB PNG: left half red, right half blue, so an orientation or crop shows.</summary>
    public static byte[] Png(int width, int height, byte shade = 0)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                var red = x < width / 2;
                raw[row + 1 + (x * 3)] = red ? (byte)220 : shade;
                raw[row + 2 + (x * 3)] = (byte)(y % 256);
                raw[row + 3 + (x * 3)] = red ? shade : (byte)220;
            }
        }

        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

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
