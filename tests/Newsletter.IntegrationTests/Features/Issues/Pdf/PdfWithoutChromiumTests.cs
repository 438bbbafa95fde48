using System.Net;

namespace Newsletter.IntegrationTests.Features.Issues.Pdf;

/// <summary>A server without Chromium: the issue page says why there is no PDF, the print view still works.</summary>
public sealed class PdfWithoutChromiumTests : IDisposable
{
    private readonly PortalFactory portal = new()
    {
        Settings = { ["Pdf:ChromiumPath"] = "/nonexistent/chromium" },
    };

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Issue_page_explains_pdf_answers_503_in_chinese_and_print_view_still_works()
    {
        var client = portal.CreateClient();
        var (_, page, _) = await client.GetPageAsync("/issues/2023/2");
        Assert.Contains("服务器未安装 Chromium，暂不能生成 PDF", page.QuerySelector(".pdf-unavailable")?.TextContent);
        Assert.Null(page.QuerySelector("a[href$='.pdf']"));
        Assert.NotNull(page.QuerySelector("main a[href='/issues/2023/2/print']"));

        var pdf = await client.GetAsync("/issues/2023/2.pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.StartsWith("text/html", pdf.Content.Headers.ContentType?.ToString());
        Assert.Contains("服务器未安装 Chromium，暂不能生成 PDF", await pdf.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/issues/2023/2/print")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(portal.DataPath, "pdf")) && Directory.EnumerateFiles(Path.Combine(portal.DataPath, "pdf")).Any());
    }
}
