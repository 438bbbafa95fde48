using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests.Features.Account;

/// <summary>忘记密码 and 激活账号 through the real forms, the mail read from a real SMTP server in the test process.</summary>
public sealed class PasswordLinkTests : IAsyncDisposable
{
    private const string NewPassword = "Xin-mima-2026";

    private readonly TestSmtpServer smtp = new();
    private readonly PortalFactory portal;

    public PasswordLinkTests() => portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };

    public async ValueTask DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    private Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        client.PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = email });

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password)
    {
        var (page, document, _) = await client.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = document.QuerySelector("main form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["NewPassword"] = password;
        fields["ConfirmPassword"] = password;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_any_address_and_mails_a_link_that_works_once()
    {
        var user = await portal.EnsureUserAsync(Roles.Correspondent);
        var client = portal.Browser();

        var unknown = await client.FollowAsync(await ForgotAsync(client, "nobody@test.local"));
        Assert.Empty(smtp.Messages);
        var known = await client.FollowAsync(await ForgotAsync(client, user.Email!));
        Assert.Contains(AccountController.ResetSent(30), unknown);
        Assert.Contains(AccountController.ResetSent(30), known);

        var message = Assert.Single(smtp.To(user.Email!));
        Assert.Equal("重设密码 - 工作通讯", message.Subject);
        Assert.Contains("30 分钟内", message.TextBody);
        var link = smtp.LinkTo(user.Email!, "reset");

        // The password rules apply, in Chinese, and a refused password changes nothing.
        var weak = await SetPasswordAsync(client, link, "short1A");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("密码至少需要 10 个字符。", await AdminForms.MainTextAsync(weak));
        await portal.AssertCanSignInAsync(user.Email!, Accounts.Password);

        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["forgot"] = await client.GetStringAsync("/account/forgot"), ["reset"] = await client.GetStringAsync(link),
            ["login"] = await client.GetStringAsync("/account/login"), ["invalid"] = await (await client.GetAsync("/account/reset")).Content.ReadAsStringAsync(),
        }));

        var done = await SetPasswordAsync(client, link, NewPassword);
        Assert.Contains("密码已重设，请用新密码登录。", await client.FollowAsync(done));
        await portal.AssertCannotSignInAsync(user.Email!, Accounts.Password);
        await portal.AssertCanSignInAsync(user.Email!, NewPassword);

        // Second use: the reset changed the security stamp the token was made with.
        var (again, document, _) = await client.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("链接无效、已过期或已经用过", document.QuerySelector("main")!.TextContent);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var replay = await client.PostFormAsync("/account/forgot", "/account/reset", new()
        {
            ["User"] = query["user"]!, ["Token"] = query["token"]!, ["NewPassword"] = "Dier-ci-2026x", ["ConfirmPassword"] = "Dier-ci-2026x",
        });
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        await portal.AssertCanSignInAsync(user.Email!, NewPassword);

        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == user.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("发送重设密码链接", audit);
        Assert.Contains("通过邮件重设密码", audit);
    }

    [Fact]
    public async Task An_expired_or_altered_reset_link_is_refused_with_a_chinese_page()
    {
        var user = await portal.EnsureUserAsync(Roles.Editor);
        var client = portal.Browser();

        // Tokens made the way Identity makes them, with the portal's own keys: one of now works, one of 31 minutes ago does not.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(await ForgedLinkAsync(user.Id, TimeSpan.Zero))).StatusCode);
        var (expired, document, _) = await client.GetPageAsync(await ForgedLinkAsync(user.Id, TimeSpan.FromMinutes(31)));
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("链接无效、已过期或已经用过", document.QuerySelector("main")!.TextContent);
        Assert.Contains("30 分钟内有效", document.QuerySelector("main")!.TextContent);

        await ForgotAsync(client, user.Email!);
        var link = smtp.LinkTo(user.Email!, "reset");
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var altered = link.Replace(token, token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(altered)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.Replace("/account/reset", "/account/activate"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/reset?user=no-such-user&token=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/reset")).StatusCode);
        await portal.AssertCanSignInAsync(user.Email!, Accounts.Password);
    }

    [Fact]
    public async Task Forgot_password_is_limited_like_sign_in()
    {
        using var limited = new PortalFactory { Settings = new(DistributionFixture.SmtpSettings(smtp)) { ["RateLimits:SignInPerMinute"] = "2" } };
        var client = limited.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(client, "a@test.local")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ForgotAsync(client, "b@test.local")).StatusCode);
        var refused = await ForgotAsync(client, "c@test.local");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public void Reset_links_last_thirty_minutes_and_activation_links_two_days()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), portal.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);
        Assert.Equal(TimeSpan.FromHours(48), portal.Services.GetRequiredService<IOptions<ActivationTokenProviderOptions>>().Value.TokenLifespan);
    }

    [Fact]
    public async Task A_new_account_is_activated_by_its_mailed_link_once()
    {
        await portal.EnsureOrganizationsAsync();
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var form = await admin.PageAsync("/admin/users/new");
        Assert.NotNull(form.QuerySelector("#setup-email[checked]")); // mail is configured: the link is the default

        var unit = await AdminForms.OrganizationOptionAsync(admin, "/admin/users/new", "OrganizationId", "桂林市叠彩区计生协");
        var created = await admin.PostFieldsAsync("/admin/users/new", "/admin/users/new",
            ("DisplayName", "韦小红"), ("Email", "weixh@diecai.test"), ("OrganizationId", unit), ("Setup", "Email"), ("Roles", Roles.Correspondent));
        Assert.Contains("激活链接已发到 weixh@diecai.test", await admin.FollowAsync(created));
        var message = Assert.Single(smtp.To("weixh@diecai.test"));
        Assert.Equal("激活账号 - 工作通讯", message.Subject);
        Assert.Contains("48 小时内", message.TextBody);
        Assert.Contains("韦小红", message.TextBody);

        var link = smtp.LinkTo("weixh@diecai.test", "activate");
        var client = portal.Browser();
        var done = await SetPasswordAsync(client, link, NewPassword);
        Assert.Contains("账号已激活，请用新密码登录。", await client.FollowAsync(done));
        var signIn = await portal.SignInAsync("weixh@diecai.test", NewPassword);
        Assert.Equal("/editorial/articles", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode);

        var user = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "weixh@diecai.test"));
        Assert.True(user.EmailConfirmed);
        Assert.False(user.MustChangePassword);
        Assert.Equal("桂林市叠彩区计生协", user.OrganizationName);
    }

    /// <summary>A reset link whose token says it was made <paramref name="age"/> ago (Identity's token layout, the portal's keys).</summary>
    private async Task<string> ForgedLinkAsync(string userId, TimeSpan age)
    {
        var stamp = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
        var protector = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("DataProtectorTokenProvider");
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(DateTimeOffset.UtcNow.Subtract(age).UtcTicks);
            writer.Write(userId);
            writer.Write(UserManager<ApplicationUser>.ResetPasswordTokenPurpose);
            writer.Write(stamp ?? "");
        }

        var token = Convert.ToBase64String(protector.Protect(buffer.ToArray()));
        return $"/account/reset?user={userId}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
    }
}
