using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues.Pdf;
using UglyToad.PdfPig;
using Newsletter.Web.Features.Issues;

namespace Newsletter.IntegrationTests.Features.Issues.Pdf;

/// <summary>
/// The PDF of a whole issue, printed by headless Chromium from the print view laid out by Paged.js. Chromium takes
/// seconds, so these share the seeded portal and its cached PDF: the seed issue is printed once (plus once after the change).
/// </summary>
[Collection(SharedPortal.Name)]
public partial class PdfDownloadTests(PortalFactory portal)
{
    private const string Url = "/issues/2023/2.pdf";

    private string PdfFolder => Path.Combine(portal.DataPath, "pdf");

    private ChromiumPdfGenerator Generator => (ChromiumPdfGenerator)portal.Services.GetRequiredService<IPdfGenerator>();

    private Task<Issue> SeedIssueAsync() =>
        portal.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.Year == 2023 && i.Number == 2 && !i.IsSupplement));

    private async Task<byte[]> DownloadAsync(HttpClient? client = null)
    {
        var response = await (client ?? portal.CreateClient()).GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private string[] CachedFiles(Issue issue) =>
        Directory.Exists(PdfFolder) ? Directory.GetFiles(PdfFolder, $"issue-{issue.Id}-*.pdf") : [];

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [Fact]
    public async Task Issue_pdf_has_the_toc_page_numbers_of_the_layout_and_intact_chinese_text()
    {
        var runs = Generator.Runs;
        var client = portal.CreateClient();
        var both = await Task.WhenAll(DownloadAsync(client), DownloadAsync(client));
        Assert.Equal(both[0], both[1]);
        Assert.InRange(Generator.Runs - runs, 0, 1); // two requests at once, one Chromium at most

        var titles = (await Html.ParseAsync(await client.GetStringAsync("/issues/2023/2/print")))
            .QuerySelectorAll(".bf-toc li a").Select(a => Squeeze(a.TextContent)).ToList();
        Assert.Equal(9, titles.Count);

        using var pdf = PdfDocument.Open(both[0]);
        var laidOut = pdf.GetPages().ToList();
        var pages = laidOut.Select(p => Squeeze(p.Text)).ToList();
        // Article titles are set at 18pt, body text at 15.5pt and section names at 16pt.
        var headings = laidOut.Select(p => Squeeze(string.Concat(p.Letters.Where(l => l.PointSize > 17).Select(l => l.Value)))).ToList();
        Assert.True(pages.Count > 1, $"{pages.Count} page(s)");

        // The 目录 pages: the first pages that, together, hold every title followed by its page number.
        var printed = new Dictionary<string, int>();
        var tocPages = 0;
        while (printed.Count < titles.Count && tocPages < pages.Count)
        {
            tocPages++;
            var toc = string.Concat(pages.Take(tocPages));
            foreach (var title in titles)
            {
                var match = Regex.Match(toc, Regex.Escape(title) + @"(\d+)");
                if (match.Success)
                {
                    printed[title] = int.Parse(match.Groups[1].Value);
                }
            }
        }

        Assert.Contains("目录", pages[0]);
        Assert.True(printed.Count == titles.Count, "目录 without page numbers for: " + string.Join("；", titles.Except(printed.Keys)));
        Assert.True(tocPages < pages.Count);
        foreach (var title in titles)
        {
            var heading = headings.FindIndex(tocPages, p => p.Contains(title, StringComparison.Ordinal)) + 1;
            Assert.True(heading > tocPages, $"{title} is not a heading in the body; the headings are: {string.Join(" | ", headings)}");
            Assert.True(printed[title] == heading, $"目录 says {title} is on page {printed[title]}, it is on page {heading}");
        }

        // The whole 目录 is on page 1, and page 2 is full of the first article, not the 目录's last lines.
        Assert.Equal(1, tocPages);
        Assert.StartsWith("工作调研杜振宗到自治区计生协调研", pages[1]);
        Assert.True(pages[1].Length > 500, $"page 2 holds {pages[1].Length} characters");

        // 基层简讯 is one 目录 line with the page its section starts on.
        var briefs = Regex.Match(pages[0], @"基层简讯（6条）(\d+)");
        Assert.True(briefs.Success, pages[0]);
        var briefsPage = int.Parse(briefs.Groups[1].Value);
        Assert.Equal([briefsPage], pages.Select((p, i) => (p, i)).Skip(1).Where(x => x.p.Contains("基层简讯", StringComparison.Ordinal)).Select(x => x.i + 1));

        Assert.Contains(pages, p => p.Contains("杜振宗到自治区计生协调研", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Contains("广西壮族自治区计划生育协会", StringComparison.Ordinal));
        Assert.Contains("2023年5月6日印发", pages[^1]);
        Assert.Contains("总编辑：尹红", pages[^1]);
    }

    [Fact]
    public async Task Second_request_is_served_from_the_cached_file_without_chromium()
    {
        var issue = await SeedIssueAsync();
        var first = await DownloadAsync();
        var cached = Assert.Single(CachedFiles(issue));
        Assert.StartsWith($"issue-{issue.Id}-v{issue.Version}-", Path.GetFileName(cached));
        Assert.Equal(await File.ReadAllBytesAsync(cached), first);
        var written = File.GetLastWriteTimeUtc(cached);
        var runs = Generator.Runs;

        var second = await DownloadAsync(portal.Browser());

        Assert.Equal(first, second);
        Assert.Equal(runs, Generator.Runs);
        Assert.Equal([cached], CachedFiles(issue));
        Assert.Equal(written, File.GetLastWriteTimeUtc(cached));
    }

    [Fact]
    public async Task A_changed_issue_gets_a_new_pdf()
    {
        var before = await SeedIssueAsync();
        await DownloadAsync();
        var old = Assert.Single(CachedFiles(before));
        var copies = before.Copies;
        try
        {
            await portal.WithDbAsync(async db =>
            {
                (await db.Issues.SingleAsync(i => i.Id == before.Id)).Copies = 4321;
                return await db.SaveChangesAsync();
            });
            var after = await SeedIssueAsync();
            Assert.True(after.Version > before.Version);

            var bytes = await DownloadAsync();

            var fresh = Assert.Single(CachedFiles(after));
            Assert.NotEqual(old, fresh);
            Assert.StartsWith($"issue-{after.Id}-v{after.Version}-", Path.GetFileName(fresh));
            Assert.Equal(await File.ReadAllBytesAsync(fresh), bytes);
            using var pdf = PdfDocument.Open(bytes);
            Assert.Contains("共印4321份", Squeeze(pdf.GetPage(pdf.NumberOfPages).Text));
        }
        finally
        {
            await portal.WithDbAsync(async db =>
            {
                (await db.Issues.SingleAsync(i => i.Id == before.Id)).Copies = copies;
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task Issue_page_links_the_pdf_and_the_print_view()
    {
        var (_, page, _) = await portal.CreateClient().GetPageAsync("/issues/2023/2");
        Assert.Equal("下载 PDF", page.QuerySelector("main a[href='/issues/2023/2.pdf']")?.TextContent.Trim());
        Assert.Equal("打印版", page.QuerySelector("main a[href='/issues/2023/2/print']")?.TextContent.Trim());
        Assert.Null(page.QuerySelector(".pdf-unavailable"));
    }

    [Fact]
    public async Task Unknown_issue_pdf_is_a_chinese_404()
    {
        var client = portal.CreateClient();
        foreach (var (url, label) in new[] { ("/issues/2023/9.pdf", "2023年第9期"), ("/issues/2023/s9.pdf", "2023年增刊第9期") })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains($"没有找到{label}工作通讯", await response.Content.ReadAsStringAsync());
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
