using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Security;

/// <summary>
/// HTTP as it goes over the wire, on real Kestrel through a raw socket: the error pages only by re-execution, forms over the
/// size limits, HEAD, over-long search addresses. The in-memory test server neither limits the request line nor writes a status line.
/// </summary>
public sealed class ProtocolTests(KestrelPortal kestrel) : IClassFixture<KestrelPortal>
{
    private const string TooLarge = "提交的内容太大，没有保存。";

    [Theory]
    [InlineData("GET", "/errors/404")]
    [InlineData("GET", "/errors/500")]
    [InlineData("GET", "/errors/101")]
    [InlineData("GET", "/errors/999")]
    [InlineData("GET", "/errors/413")]
    [InlineData("POST", "/errors/500")]
    public async Task An_error_page_asked_for_directly_is_not_found(string method, string url)
    {
        var response = await kestrel.ExchangeAsync(method, url);
        Assert.Equal("HTTP/1.1 404 Not Found", response.StatusLine);
        Assert.Contains("您要找的页面不存在", response.Text);
    }

    [Fact]
    public async Task An_unknown_address_still_gets_the_chinese_not_found_page()
    {
        var response = await kestrel.ExchangeAsync("GET", "/no-such-page");
        Assert.Equal("HTTP/1.1 404 Not Found", response.StatusLine);
        Assert.Contains("您要找的页面不存在", response.Text);
    }

    public static TheoryData<string, int> OversizedForms => new()
    {
        { "2,000 fields (the form limit is 1,024)", 2000 },
        { "one field of 5 MB (the form limit is 4 MB)", 1 },
    };

    [Theory]
    [MemberData(nameof(OversizedForms))]
    public async Task A_form_over_the_limits_gets_413_with_the_chinese_page(string what, int fields)
    {
        var form = fields == 1
            ? "Email=" + new string('x', 5 * 1024 * 1024)
            : string.Join("&", Enumerable.Range(0, fields).Select(i => $"f{i}=1"));
        var response = await kestrel.ExchangeAsync("POST", "/account/login", "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(form));
        Assert.True(response.StatusLine == "HTTP/1.1 413 Payload Too Large", $"{what}: {response.StatusLine}");
        Assert.Contains(TooLarge, response.Text);
        Assert.Contains("出错了（413）", response.Text);
    }

    [Theory]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: nonsense\r\n\r\nx\r\n--b--\r\n")]
    public async Task A_malformed_form_gets_400_with_the_chinese_page(string contentType, string form)
    {
        var response = await kestrel.ExchangeAsync("POST", "/account/login", contentType, Encoding.ASCII.GetBytes(form));
        Assert.Equal("HTTP/1.1 400 Bad Request", response.StatusLine);
        Assert.Contains("请求有误，请检查后重试。", response.Text);
    }

    [Fact]
    public async Task An_upload_over_the_import_limit_without_an_announced_length_gets_413_with_the_chinese_page()
    {
        await kestrel.Portal.EnsureUserAsync(Roles.Editor);
        var cookies = new CookieContainer();
        var address = new Uri($"http://127.0.0.1:{kestrel.Port}");
        using var editor = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var login = await editor.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "editor@test.local", ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var token = await Accounts.TokenAsync(editor, "/editorial/import");

        const string boundary = "----portal-test";
        var upload = new MemoryStream();
        upload.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"第66期.txt\"\r\nContent-Type: text/plain\r\n\r\n"));
        upload.Write(new byte[12 * 1024 * 1024]); // the page takes 10 MB
        upload.Write(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));
        var response = await kestrel.ExchangeAsync("POST", "/editorial/import", $"multipart/form-data; boundary={boundary}", upload.ToArray(),
            new Dictionary<string, string> { ["Cookie"] = cookies.GetCookieHeader(address) }, chunked: true);

        Assert.Equal("HTTP/1.1 413 Payload Too Large", response.StatusLine);
        Assert.Contains(TooLarge, response.Text);
    }

    [Fact]
    public async Task Every_anonymous_page_answers_head_as_it_answers_get_without_a_body()
    {
        var urls = EndpointAuthorizationTests.Actions(kestrel.Portal.Services)
            .Where(a => a.Method == "GET" && a.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(a => EndpointAuthorizationTests.Fill(a.Template))
            .Concat(["/healthz", "/css/site.css", "/no-such-page", "/search?q=%E6%89%98%E8%82%B2"])
            .Distinct().ToList();
        Assert.True(urls.Count > 10, $"only {urls.Count} addresses");

        var failures = new List<string>();
        foreach (var url in urls)
        {
            var get = await kestrel.ExchangeAsync("GET", url);
            var head = await kestrel.ExchangeAsync("HEAD", url);
            if (head.Status != get.Status || head.Status is 405 or 500 || head.BytesAfterHead != 0)
            {
                failures.Add($"{url}: GET {get.Status}, HEAD {head.Status} with {head.BytesAfterHead} bytes of body");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData('托')]
    [InlineData('a')]
    public async Task A_search_of_20000_characters_gets_the_page_with_the_first_100_and_the_note(char character)
    {
        var response = await kestrel.ExchangeAsync("GET", "/search?q=" + Uri.EscapeDataString(new string(character, 20_000)));
        Assert.Equal("HTTP/1.1 200 OK", response.StatusLine);
        var page = await Html.ParseAsync(response.Text);
        Assert.Contains("搜索词太长，只用了前 100 个字", page.QuerySelector("main")!.TextContent);
        Assert.Equal(new string(character, 100), ((IHtmlInputElement)page.QuerySelector("main form[role=search] #q")!).Value);
        Assert.Equal(new string(character, 100), ((IHtmlInputElement)page.QuerySelector("header form[role=search] input[name=q]")!).Value);
    }
}
