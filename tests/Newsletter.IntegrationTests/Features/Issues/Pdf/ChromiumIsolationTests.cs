using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Features.Issues.Pdf;
using UglyToad.PdfPig;
using Newsletter.Web.Features.Issues;

namespace Newsletter.IntegrationTests.Features.Issues.Pdf;

/// <summary>
/// Whatever page it is given, the Chromium that prints PDFs reaches no network address and reads no file of the server
/// beside its own page: a page with raw images pointing at both is printed without them.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class ChromiumIsolationTests(PortalFactory portal)
{
    /// <summary>A 4×4 red PNG.</summary>
    private const string SmallPng = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4ISYLRwzEcQCi0w+xF+ymLwAAAABJRU5ErkJggg==";

    [Fact]
    public async Task A_printed_page_reaches_no_network_address_and_no_file_of_the_server()
    {
        var folder = Directory.CreateTempSubdirectory("newsletter-secret-");
        using var trap = new ConnectionTrap();
        try
        {
            var secret = Path.Combine(folder.FullName, "secret.png");
            await File.WriteAllBytesAsync(secret, Convert.FromBase64String(SmallPng));
            var port = trap.Port;
            var html = $"""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>隔离</title></head>
                <body><p>隔离测试正文</p>
                <img src="http://127.0.0.1:{port}/x.png" alt="甲"><img src="http://localhost:{port}/y.png" alt="乙">
                <img src="{secret}" alt="丙"><img src="{new Uri(secret).AbsoluteUri}" alt="丁">
                </body></html>
                """;
            var generator = portal.Services.GetRequiredService<IPdfGenerator>();

            var file = await generator.GetOrCreateAsync("isolation-" + Guid.NewGuid().ToString("N"), "isolation", html, CancellationToken.None);

            Assert.Equal(0, trap.Connections);
            using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(file));
            Assert.Contains("隔离测试正文", pdf.GetPage(1).Text.Replace(" ", ""));
            var images = pdf.GetPages().SelectMany(p => p.GetImages()).Select(i => (i.WidthInSamples, i.HeightInSamples)).ToList();
            Assert.DoesNotContain((4, 4), images); // a blocked image may still show Chromium's small "broken image" icon
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
