using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Media;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.LoadBench;

/// <summary>
/// Serving a picture against this machine's ceiling, in the same run: a picture uploaded through the editor's form to a
/// published public article (as 更正), its largest stored size fetched through <c>/media/{id}/…</c>, and the same bytes
/// copied into the published portal's <c>wwwroot</c> and fetched as a static file.
/// </summary>
public static class MediaRun
{
    private const string StaticFolder = "bench-media";

    public static async Task<bool> RunAsync(Options options, Setup setup)
    {
        var portal = setup.Portal;
        var (picture, name) = options.Picture is { } file
            ? (await File.ReadAllBytesAsync(file), Path.GetFileName(file))
            : (TestPng.Blocks(1600, 1000, block: 5, seed: options.Seed), "调研现场.png");
        var articleId = setup.Facts.Public[0].ArticleIds[0];
        var mediaId = await UploadAsync(portal.Url, setup.AdminPassword, articleId, name, picture);
        var row = await RowAsync(setup.DataFolder, mediaId);
        var variant = row.VariantNames[^1];
        var stored = Path.Combine(setup.DataFolder, "media", row.Sha256[..2], row.Sha256, variant + row.Extension);
        var staticFile = Path.Combine(setup.PublishFolder, "wwwroot", StaticFolder, variant + row.Extension);
        Directory.CreateDirectory(Path.GetDirectoryName(staticFile)!);
        File.Copy(stored, staticFile, overwrite: true);
        try
        {
            var pages = new List<(string Name, string Path)>
            {
                ("static file (ceiling)", $"/{StaticFolder}/{variant}{row.Extension}"),
                ($"picture {variant}", MediaPaths.Variant(mediaId, variant, row.Extension)),
            };
            using var client = new HttpClient { BaseAddress = new Uri(portal.Url) };
            await Paths.CheckAsync(client, pages.Select(p => p.Path));
            var staticBytes = await client.GetByteArrayAsync(pages[0].Path);
            var served = await client.GetByteArrayAsync(pages[1].Path);
            var same = staticBytes.AsSpan().SequenceEqual(served);
            using var head = await client.GetAsync(pages[1].Path);
            Setup.Log($"picture #{mediaId}: uploaded {name} ({picture.Length / 1024.0:F0} KB), stored {row.Variants} as {row.ContentType} "
                + $"{row.Width}×{row.Height}; {variant}{row.Extension} is {new FileInfo(stored).Length / 1024.0:F0} KB; Cache-Control: {head.Headers.CacheControl}");

            var results = new List<(string Name, string Path, WrkResult Result)>();
            foreach (var (_, path) in pages)
            {
                await Wrk.RunAsync(portal.Url + path, options.Threads, options.Connections, options.Warmup);
                await portal.SettleAsync();
            }

            foreach (var (label, path) in pages)
            {
                Setup.Log($"wrk -t{options.Threads} -c{options.Connections} -d{options.Duration.TotalSeconds:F0}s --latency {path}");
                var result = await Wrk.RunAsync(portal.Url + path, options.Threads, options.Connections, options.Duration);
                await File.WriteAllTextAsync(Path.Combine(setup.Root, $"wrk-{results.Count + 1}.txt"), result.Output);
                await portal.SettleAsync();
                results.Add((label, path, result));
            }

            var ceiling = results[0].Result.RequestsPerSecond;
            var share = results[1].Result.RequestsPerSecond / ceiling;
            Console.WriteLine();
            Console.WriteLine($"Pictures: {variant}{row.Extension} ({new FileInfo(stored).Length / 1024.0:F0} KB, {row.ContentType}); wrk -t{options.Threads} "
                + $"-c{options.Connections} -d{options.Duration.TotalSeconds:F0}s on the same machine ({Environment.ProcessorCount} cores, load average {LoadRun.LoadAverage()})");
            Console.WriteLine();
            Console.WriteLine("| what | path | requests/s | MB/s | p50 ms | p99 ms | errors | of ceiling |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (label, path, r) in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | `{path}` | {r.RequestsPerSecond:F0} | {r.RequestsPerSecond * new FileInfo(stored).Length / 1048576:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} | {r.RequestsPerSecond / ceiling:P0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS after the run: {portal.RssMb():F0} MB"));
            var checks = new Checks();
            checks.Add($"{variant} picture ≥ 50% of the static-file ceiling", $"{share:P0}", share >= 0.5);
            checks.Add("same bytes as the static file", same ? "yes" : "no", same);
            checks.Add("public, immutable caching", $"{head.Headers.CacheControl}", head.Headers.CacheControl?.ToString() == "public, max-age=31536000, immutable");
            checks.Add("zero errors (non-2xx/3xx, socket)", $"{results.Sum(r => r.Result.Errors)}", results.All(r => r.Result.Errors == 0));
            checks.Print();
            return checks.AllPassed;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(staticFile)!, recursive: true);
        }
    }

    /// <summary>The administrator makes the bench's chief editor, who uploads the picture through the editor's form (JSON answer).</summary>
    private static async Task<int> UploadAsync(string url, string adminPassword, int articleId, string name, byte[] picture)
    {
        var newsroom = new Newsroom(url);
        var password = Newsroom.NewPassword();
        using var admin = await newsroom.SignInAsync(Newsroom.AdminEmail, adminPassword);
        await Newsroom.CreateChiefEditorAsync(admin, password);
        using var chief = await newsroom.SignInAsync(Newsroom.ChiefEmail, password);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Newsroom.TokenAsync(chief, $"/editorial/articles/{articleId}")), "__RequestVerificationToken" },
            { new StringContent("picture"), "kind" },
            { new StringContent("图为调研现场"), "caption" },
            { new ByteArrayContent(picture), "files", name },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/editorial/articles/{articleId}/media") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await chief.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("files")[0].GetProperty("id").GetInt32();
    }

    private static async Task<MediaFile> RowAsync(string dataFolder, int id)
    {
        await using var db = new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataFolder, "newsletter.db")}").Options);
        return await db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
