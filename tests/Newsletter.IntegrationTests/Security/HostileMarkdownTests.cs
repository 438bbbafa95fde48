using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace Newsletter.IntegrationTests.Security;

/// <summary>
/// An article written to attack the readers and the server: images that point at an internal address and at a file on the
/// server's disk, and links with script schemes in every form Markdown allows. It is published as 2023年第3期 and read as
/// a reader would (article page, print view, PDF) and as its writer did (the editor's live preview).
/// </summary>
public sealed class HostileMarkdownTests(HostileMarkdownTests.Portal portal) : IClassFixture<HostileMarkdownTests.Portal>
{
    /// <summary>A 4×4 red PNG.</summary>
    private const string SmallPng = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4ISYLRwzEcQCi0w+xF+ymLwAAAABJRU5ErkJggg==";

    private static readonly string[] UnsafeSchemes = ["javascript:", "vbscript:", "data:"];

    public sealed class Portal : PortalFactory, IAsyncLifetime
    {
        private readonly ConnectionTrap trap = new();

        /// <summary>A file outside the data folder, as a photo or a key would lie on the server.</summary>
        public string SecretFile { get; } = Path.Combine(Path.GetTempPath(), "newsletter-secret-" + Guid.NewGuid().ToString("N"), "secret.png");

        /// <summary>How many connections the internal address received.</summary>
        public int Connections => trap.Connections;

        public string Body { get; private set; } = "";

        public int ArticleId { get; private set; }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SecretFile)!);
            await File.WriteAllBytesAsync(SecretFile, Convert.FromBase64String(SmallPng));
            var port = trap.Port;
            Body = string.Join("\n\n",
                "河池市计生协举办婚育新风进万家宣传活动。",
                $"![现场](http://127.0.0.1:{port}/x.png) ![合影]({SecretFile}) ![本地](file://{SecretFile})",
                "[官网](https://www.chinafpa.org.cn)",
                "<javascript:alert(1)> <data:text/html,hello> <vbscript:msgbox(1)> <JaVaScRiPt:alert(2)>",
                "[甲](JaVaScRiPt:alert(3)) [乙](&#106;avascript:alert(4)) [丙](javascript&#58;alert(5)) [丁](vbscript:msgbox(6))",
                "[戊](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==) [己][ref] <&#106;avascript:alert(8)>",
                "[ref]: javascript:alert(9)");
            await this.PublishNewIssueAsync(Body);
            ArticleId = await WithDbAsync(db => db.Articles.Where(a => a.Title == "河池市开展婚育新风进万家活动").Select(a => a.Id).SingleAsync());
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            trap.Dispose();
            Directory.Delete(Path.GetDirectoryName(SecretFile)!, recursive: true);
            return Task.CompletedTask;
        }
    }

    private async Task<byte[]> PdfAsync()
    {
        var response = await portal.CreateClient().GetAsync("/issues/2023/3.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<string> UnsafeUrls(IDocument page) => page.QuerySelectorAll("[href], [src]")
        .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") })
        .OfType<string>()
        .Where(url => UnsafeSchemes.Any(s => url.Trim().StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    [Fact]
    public async Task Pdf_fetches_no_internal_address_and_embeds_no_file_of_the_server()
    {
        var bytes = await PdfAsync();

        Assert.Equal(0, portal.Connections);
        using var pdf = PdfDocument.Open(bytes);
        var images = pdf.GetPages().SelectMany(p => p.GetImages()).ToList();
        Assert.True(images.Count == 0, $"The PDF holds {images.Count} image(s): {string.Join(", ", images.Select(i => $"{i.WidthInSamples}×{i.HeightInSamples}"))}");
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.True(text.Contains("河池市计生协举办婚育", StringComparison.Ordinal), text);
        Assert.True(text.Contains("现场合影本地", StringComparison.Ordinal), text); // the images' alt text, as text
    }

    [Fact]
    public async Task Pdf_links_carry_no_script_or_data_scheme()
    {
        using var pdf = PdfDocument.Open(await PdfAsync());
        var uris = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Select(a => a.Action).OfType<UriAction>().Select(a => a.Uri).ToList();

        Assert.Contains("https://www.chinafpa.org.cn", uris.Select(u => u.TrimEnd('/')));
        Assert.DoesNotContain(uris, u => UnsafeSchemes.Any(s => u.Trim().StartsWith(s, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(uris, u => u.StartsWith("file:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Article_page_print_view_and_preview_have_no_script_or_data_link()
    {
        var reader = portal.CreateClient();
        var writer = await portal.SignedInAsync(Roles.Correspondent);
        var preview = await writer.PostFormAsync("/editorial/articles/new", "/editorial/preview", new() { ["body"] = portal.Body });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var pages = new Dictionary<string, IDocument>
        {
            ["article"] = (await reader.GetPageAsync($"/articles/{portal.ArticleId}")).Document,
            ["print"] = (await reader.GetPageAsync("/issues/2023/3/print")).Document,
            ["preview"] = await Html.ParseAsync(await preview.Content.ReadAsStringAsync()),
        };

        foreach (var (name, page) in pages)
        {
            Assert.True(page.QuerySelector("a[href='https://www.chinafpa.org.cn']") is not null, $"{name}: the safe link is gone");
            Assert.True(UnsafeUrls(page).Count == 0, $"{name}: {string.Join(" ", UnsafeUrls(page))}");
            var images = page.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")).ToList();
            Assert.True(!images.Any(src => src!.Contains("127.0.0.1") || src.Contains("secret.png")), $"{name}: {string.Join(" ", images)}");
        }
    }
}
