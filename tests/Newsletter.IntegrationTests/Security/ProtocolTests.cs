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

    [Theory]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: nonsense\r\n\r\nx\r\n--b--\r\n")]
    public async Task A_malformed_form_gets_400_with_the_chinese_page(string contentType, string form)
    {
        var response = await kestrel.ExchangeAsync("POST", "/account/login", contentType, Encoding.ASCII.GetBytes(form));
        Assert.Equal("HTTP/1.1 400 Bad Request", response.StatusLine);
        Assert.Contains("请求有误，请检查后重试。", response.Text);
    }
