using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Account;

public sealed partial class AccountTests : IDisposable
{
    private readonly List<PortalFactory> portals = [];

    public void Dispose() => portals.ForEach(p => p.Dispose());

    private PortalFactory Portal(Dictionary<string, string?>? settings = null)
    {
        var portal = new PortalFactory { Settings = settings ?? [] };
        portals.Add(portal);
        return portal;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });

    private static string ReadLog(PortalFactory portal)
    {
        _ = portal.Services;
        return ReadLog(portal.DataPath);
    }

    private static string ReadLog(string dataPath)
    {
        var folder = Path.Combine(dataPath, "logs");
        if (!Directory.Exists(folder))
        {
            return "";
        }

        var file = Directory.GetFiles(folder, "portal-*.log").Single();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public async Task First_administrator_gets_a_generated_password_written_once_to_the_log()
    {
        var portal = Portal();
        var match = GeneratedPassword().Match(ReadLog(portal));
        Assert.True(match.Success, "the log names the first administrator and the password");
        Assert.Equal("admin@localhost", match.Groups["email"].Value);
        var password = match.Groups["password"].Value;
        Assert.True(password.Length >= 10);

        // The administrator lands on a page an administrator may open (it was /editorial, which refused them).
        var client = portal.Browser();
        var response = await LoginAsync(client, "admin@localhost", password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landing = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);

        portal.Stop();
        using var again = new PortalFactory { DataPath = portal.DataPath, DeleteDataOnDispose = false };
        _ = again.Services;
        Assert.Single(GeneratedPassword().Matches(ReadLog(again)));
    }

    [Fact]
    public async Task First_administrator_can_come_from_configuration_and_its_password_is_not_logged()
    {
        var portal = Portal(new() { ["Seed:AdminEmail"] = "chief.admin@gxjsx.local", ["Seed:AdminPassword"] = "Guangxi-2023-jsx" });
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(portal.Browser(), "chief.admin@gxjsx.local", "Guangxi-2023-jsx")).StatusCode);
        Assert.DoesNotContain("Guangxi-2023-jsx", ReadLog(portal));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes()
    {
        var portal = Portal();
        var user = await portal.EnsureUserAsync(Roles.Correspondent);
        var client = portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await LoginAsync(client, user.Email!, "Wrong-Passw0rd!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("账号或密码不正确", await wrong.Content.ReadAsStringAsync());
        }

        // The right password no longer opens the account, and the page says no more than for a wrong one.
        var locked = await LoginAsync(client, user.Email!, Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("连续输错 5 次，账号将锁定 15 分钟，锁定期间即使密码正确也无法登录。", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/editorial")).StatusCode);
        var end = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(end!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Theory]
    [InlineData("Short1!", "密码至少需要 10 个字符。")]
    [InlineData("abcdefghijklmn", "密码需要混合小写字母、大写字母、数字、符号中的至少三类。")]
    [InlineData("abcdefgh1234", "密码需要混合小写字母、大写字母、数字、符号中的至少三类。")]
    public async Task Weak_passwords_are_refused_in_chinese(string password, string message)
    {
        var portal = Portal();
        var client = await portal.SignedInAsync(Roles.Member);
        var response = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = Accounts.Password, ["NewPassword"] = password, ["ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(portal.Browser(), "member@test.local", Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Members_sign_in_to_the_archive_and_a_changed_password_works()
    {
        var portal = Portal();
        await portal.EnsureUserAsync(Roles.Member);
        var browser = portal.Browser();
        var signIn = await LoginAsync(browser, "member@test.local", Accounts.Password);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(signIn.Headers.Location)).StatusCode);

        var client = await portal.SignedInAsync(Roles.Member);
        var changed = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = Accounts.Password, ["NewPassword"] = "Xin-mima-2023", ["ConfirmPassword"] = "Xin-mima-2023",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(portal.Browser(), "member@test.local", "Xin-mima-2023")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(portal.Browser(), "member@test.local", Accounts.Password)).StatusCode);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("5", 5)]
    public void Idle_sign_out_follows_configuration(string? minutes, int expected)
    {
        var portal = Portal(minutes is null ? null : new() { ["Auth:IdleTimeoutMinutes"] = minutes });
        var cookie = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(expected), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.True(cookie.Cookie.HttpOnly);
    }

    [Fact]
    public void An_impossible_idle_timeout_stops_the_start_with_a_clear_message()
    {
        var portal = Portal(new() { ["Auth:IdleTimeoutMinutes"] = "0" });
        var error = Assert.ThrowsAny<Exception>(() => portal.Services);
        Assert.Contains("Auth:IdleTimeoutMinutes 应在 1 到 1440 之间", error.ToString());
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var portal = Portal();
        var client = await portal.SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editorial")).StatusCode);
        await client.PostFormAsync("/editorial", "/account/logout", []);
        var after = await client.GetAsync("/editorial");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_signing_out_opens_nothing_afterwards()
    {
        var portal = Portal();
        var user = await portal.EnsureUserAsync(Roles.Editor);
        var client = portal.Browser();
        var copy = AuthCookie(await LoginAsync(client, user.Email!, Accounts.Password));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(portal, copy, "/editorial")).StatusCode);

        await client.PostFormAsync("/editorial", "/account/logout", []);

        var replayed = await WithCookieAsync(portal, copy, "/editorial");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_accounts_sessions_on_other_devices_too()
    {
        var portal = Portal();
        var office = await portal.SignedInAsync(Roles.Editor);
        var home = await portal.SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync("/editorial")).StatusCode);

        await office.PostFormAsync("/editorial", "/account/logout", []);

        var after = await home.GetAsync("/editorial");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(portal.Browser(), "editor@test.local", Accounts.Password)).StatusCode);
    }

    /// <summary>The sign-in cookie a response sets, as the Cookie header a browser (or a thief with a copy) sends.</summary>
    private static string AuthCookie(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("newsletter.auth", StringComparison.Ordinal)));

    private static Task<HttpResponseMessage> WithCookieAsync(PortalFactory portal, string cookie, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
    }

    [GeneratedRegex(@"首个管理员账号 ""?(?<email>[^"" ]+)""? 已创建，初始密码：""?(?<password>[^"" ]+)""? 。")]
    private static partial Regex GeneratedPassword();
}
