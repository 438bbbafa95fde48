using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests.Features.Account;

/// <summary>Where each role lands, the sign-in audit (等保), lockout and 解除锁定, and a generated password changed first.</summary>
public sealed class SignInAuditTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Theory]
    [InlineData(Roles.Administrator, "/admin/users")]
    [InlineData(Roles.ChiefEditor, "/editorial")]
    [InlineData(Roles.Editor, "/editorial")]
    [InlineData(Roles.Correspondent, "/editorial/articles")]
    [InlineData(Roles.Member, "/")]
    public async Task Each_role_lands_on_a_page_it_may_open(string role, string landing)
    {
        var user = await portal.EnsureUserAsync(role);
        var client = portal.Browser();
        var signIn = await portal.SignInAsync(user.Email!, Accounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(landing, signIn.Headers.Location!.OriginalString);

        client = await portal.SignedInAsync(role);
        var page = await client.GetAsync(landing);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Sign_in_sign_out_failures_and_lockout_are_audited_with_the_address()
    {
        var user = await portal.EnsureUserAsync(Roles.Editor);
        var client = await portal.SignedInAsync(Roles.Editor);
        await client.PostFormAsync("/editorial", "/account/logout", []);
        await portal.AssertCannotSignInAsync("nobody@test.local", "Wrong-Passw0rd!");
        for (var i = 0; i < 5; i++)
        {
            await portal.AssertCannotSignInAsync(user.Email!, "Wrong-Passw0rd!");
        }

        var rows = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == AccountAudit.Entity).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["登录", "退出登录", "登录失败", "登录失败", "登录失败", "登录失败", "登录失败", "登录失败", "账号锁定"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("127.0.0.1", r.IpAddress));
        Assert.Equal(user.Id, rows[0].UserId);
        Assert.Equal("编辑甲", rows[0].UserName);

        // A failure says the same about an unknown address as about a real one: what was typed, no account id.
        var unknown = rows[2];
        var known = rows[3];
        Assert.Equal((null, "nobody@test.local", "账号：nobody@test.local"), (unknown.UserId, unknown.EntityId, unknown.Detail));
        Assert.Equal((null, user.Email, $"账号：{user.Email}"), (known.UserId, known.EntityId, known.Detail));
        Assert.Equal(user.Id, rows[^1].UserId);

        var admin = await portal.SignedInAsync(Roles.Administrator);
        var log = await admin.PageAsync("/admin/audit?entityType=Account");
        Assert.Contains("账号锁定", log.QuerySelector("table.audit-log")!.TextContent);
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account_and_it_is_audited()
    {
        var user = await portal.EnsureUserAsync(Roles.Correspondent);
        for (var i = 0; i < 5; i++)
        {
            await portal.AssertCannotSignInAsync(user.Email!, "Wrong-Passw0rd!");
        }

        await portal.AssertCannotSignInAsync(user.Email!, Accounts.Password);
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var edit = $"/admin/users/{user.Id}/edit";
        Assert.StartsWith("已锁定（至 ", (await admin.UserRowAsync(user.Email!))![4]);
        Assert.NotNull((await admin.PageAsync(edit)).QuerySelector("form[action$='/unlock']"));

        var text = await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/unlock")));
        Assert.Contains("已解除“通讯员甲”的锁定。", text);
        Assert.Equal("正常", (await admin.UserRowAsync(user.Email!))![4]);
        Assert.Null((await admin.PageAsync(edit)).QuerySelector("form[action$='/unlock']"));
        await portal.AssertCanSignInAsync(user.Email!, Accounts.Password);

        var entry = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "解除锁定"));
        Assert.Equal((user.Id, "管理员甲", "正常"), (entry.EntityId, entry.UserName, entry.ToStatus));
        Assert.StartsWith("已锁定", entry.FromStatus);

        var again = await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/unlock")));
        Assert.Contains("该账号没有被锁定。", again);
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "解除锁定")));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFieldsAsync(edit, "/admin/users/no-such-user/unlock")).StatusCode);
    }

    [Fact]
    public async Task A_generated_password_opens_only_the_change_password_page_until_changed()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var password = await AdminForms.ShownPasswordAsync(await admin.CreateUserAsync("黄文", "huangwen@test.local", "", "", Roles.Correspondent));
        Assert.True(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "huangwen@test.local").Select(u => u.MustChangePassword).SingleAsync()));

        var client = portal.Browser();
        var signIn = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "huangwen@test.local", ["Password"] = password });
        Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);
        foreach (var url in new[] { "/editorial", "/editorial/articles", "/", "/search?q=%E6%89%98%E8%82%B2" })
        {
            var refused = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/account/password", refused.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        var (page, document, _) = await client.GetPageAsync("/account/password");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("请先设置自己的密码", document.QuerySelector("main")!.TextContent);

        var changed = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "Huang-wen-2026", ["ConfirmPassword"] = "Huang-wen-2026",
        });
        Assert.Equal("/editorial/articles", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editorial")).StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "huangwen@test.local").Select(u => u.MustChangePassword).SingleAsync()));

        // Signing out works while a change is due, too.
        var reset = AdminForms.ShownPasswordAsync(await admin.PostFieldsAsync("/admin/users", $"/admin/users/{await portal.UserIdAsync("huangwen@test.local")}/reset-password"));
        var again = await portal.SignedInAsAsync("huangwen@test.local", await reset);
        var logout = await again.PostFormAsync("/account/password", "/account/logout", []);
        Assert.Equal("/", logout.Headers.Location!.OriginalString);
    }
}
