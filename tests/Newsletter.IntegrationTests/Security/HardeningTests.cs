using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Security;

/// <summary>Security headers, cookies behind HTTPS, rate limits with the Chinese 429 page, upload limits, shared keys.</summary>
public sealed class HardeningTests : IDisposable
{
    private readonly List<PortalFactory> portals = [];

    public void Dispose() => portals.ForEach(p => p.Dispose());

    private PortalFactory Portal(Dictionary<string, string?>? settings = null, string? dataPath = null)
    {
        var portal = new PortalFactory
        {
            DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N")),
            Settings = settings ?? [],
        };
        portals.Add(portal);
        return portal;
    }

    private static HttpClient Https(PortalFactory portal) => portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://gxjsxh.example.cn"), AllowAutoRedirect = false, HandleCookies = true,
    });

    public static TheoryData<string> ReadingPages => ["/", "/issues", "/issues/2023", "/issues/2023/2", "/issues/2023/2/print",
        "/sections", "/search?q=%E6%89%98%E8%82%B2", "/account/login", "/no-such-page"];

    [Theory]
    [MemberData(nameof(ReadingPages))]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        var response = await Portal().CreateClient().GetAsync(url);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP is ignored by browsers and must not be sent");
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_the_policy_would_block()
    {
        var portal = Portal();
        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.Issue!.Number == 2).Select(a => a.Id).FirstAsync());
        var anonymous = portal.CreateClient();
        var editor = await portal.SignedInAsync(Roles.Editor);
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var pages = new List<(HttpClient Client, string Url)>
        {
            (anonymous, "/"), (anonymous, "/issues/2023/2"), (anonymous, $"/articles/{articleId}"), (anonymous, "/issues/2023/2/print"),
            (anonymous, "/search?q=%E6%89%98%E8%82%B2"), (anonymous, "/account/login"), (editor, "/editorial"),
            (editor, "/editorial/articles/new"), (editor, "/editorial/issues/new"), (admin, "/admin/users"),
            (admin, "/admin/organizations"), (admin, "/admin/organizations/import"), (admin, "/admin/words"), (admin, "/admin/audit"),
        };
        var found = new List<string>();
        foreach (var (client, url) in pages)
        {
            var (response, document, _) = await client.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            found.AddRange(document.QuerySelectorAll("script:not([src])").Select(s => $"{url}: inline <script> {s.TextContent.Trim()[..Math.Min(60, s.TextContent.Trim().Length)]}"));
            found.AddRange(document.QuerySelectorAll("style").Select(_ => $"{url}: <style> element"));
            found.AddRange(document.All.Where(e => e.HasAttribute("style")).Select(e => $"{url}: style=\"{e.GetAttribute("style")}\" on <{e.LocalName}>"));
            found.AddRange(document.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{url}: {a.Name} on <{e.LocalName}>")));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task Behind_https_cookies_are_secure_httponly_samesite_and_hsts_is_sent()
    {
        var portal = Portal();
        await portal.EnsureUserAsync(Roles.Editor);
        var client = Https(portal);
        var login = await client.GetAsync("/account/login");
        Assert.Contains("max-age=", string.Join(" ", login.Headers.GetValues("Strict-Transport-Security")));
        var token = await Accounts.TokenAsync(client, "/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "editor@test.local", ["Password"] = Accounts.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(response.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("newsletter.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        foreach (var cookie in cookies)
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Matches("; samesite=(lax|strict)", attributes);
        }
    }

    [Fact]
    public async Task Over_plain_http_cookies_are_not_marked_secure()
    {
        var client = Portal().Browser();
        var login = await client.GetAsync("/account/login");
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c.ToLowerInvariant()));
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_get_a_chinese_429_page_and_sign_nobody_in()
    {
        var portal = Portal(new() { ["RateLimits:SignInPerMinute"] = "3" });
        await portal.EnsureUserAsync(Roles.Editor);
        var client = portal.Browser();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "editor@test.local", ["Password"] = "不对的密码-123" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var refused = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "editor@test.local", ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(seconds, 1, 60);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"访问太频繁，请 {seconds} 秒后再试。", page.QuerySelector("main")!.TextContent);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("newsletter.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/editorial")).StatusCode); // still signed out

        // Reading is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/issues/2023/2")).StatusCode);
    }

    [Fact]
    public async Task Too_many_searches_get_a_chinese_429_page()
    {
        var portal = Portal(new() { ["RateLimits:SearchPerMinute"] = "2" });
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=%E6%89%98%E8%82%B2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=%E5%94%87%E8%85%AD%E8%A3%82")).StatusCode);
        var refused = await client.GetAsync("/search?q=%E6%89%98%E8%82%B2");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("秒后再试", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_negative_rate_limit_stops_the_start_with_a_clear_message()
    {
        var portal = Portal(new() { ["RateLimits:SearchPerMinute"] = "-1" });
        var error = Assert.ThrowsAny<Exception>(() => portal.Services);
        Assert.Contains("RateLimits:SignInPerMinute、SearchPerMinute 和 UnsubscribePerMinute 不能小于 0", error.ToString());
    }

    [Fact]
    public async Task An_oversized_organisation_csv_is_refused_with_a_chinese_message_and_changes_nothing()
    {
        var portal = Portal();
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var before = await portal.WithDbAsync(db => db.Organizations.CountAsync());
        var token = await Accounts.TokenAsync(admin, "/admin/organizations/import");

        var big = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[3 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "单位.csv" },
        };
        var response = await admin.PostAsync("/admin/organizations/import", big);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("不能超过 2 MB", body);

        var huge = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[40 * 1024 * 1024]), "file", "单位.csv" },
        };
        var tooLarge = await admin.PostAsync("/admin/organizations/import", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("文件太大，不能超过 2 MB", await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal(before, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task An_unexpected_error_gets_the_chinese_500_page()
    {
        var failing = new FailingReads();
        var portal = new PortalFactory { DbInterceptors = [failing] };
        portals.Add(portal);
        var client = portal.CreateClient();
        failing.Fail = true;
        var response = await client.GetAsync("/sections");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("服务器出现错误，已记录在日志中。", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Once <see cref="Fail"/> is set, reading the sections throws, as a bug would.</summary>
    private sealed class FailingReads : DbCommandInterceptor
    {
        public volatile bool Fail;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Fail && command.CommandText.Contains("\"Sections\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("a bug")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_a_second_node_accepts_the_sign_in()
    {
        var first = Portal();
        await first.EnsureUserAsync(Roles.Editor);
        var cookie = await AuthCookieAsync(first);
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.False(Directory.Exists(Path.Combine(first.DataPath, "keys")));

        // The same browser, its next request answered by another node on the same database.
        var database = Path.Combine(first.DataPath, "newsletter.db");
        var second = Portal(new() { ["ConnectionStrings:Newsletter"] = $"Data Source={database}" });
        var request = new HttpRequestMessage(HttpMethod.Get, "/editorial");
        request.Headers.Add("Cookie", cookie);
        var onSecond = await second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("编辑甲", await onSecond.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in on <paramref name="portal"/> and returns the Cookie header a browser would send afterwards.</summary>
    private static async Task<string> AuthCookieAsync(PortalFactory portal)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var form = await Html.ParseAsync(await page.Content.ReadAsStringAsync());
        var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "editor@test.local", ["Password"] = Accounts.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("newsletter.auth=", StringComparison.Ordinal)));
    }
}
