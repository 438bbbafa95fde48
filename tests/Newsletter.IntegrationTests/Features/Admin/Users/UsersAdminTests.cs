using System.Net;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Users;

/// <summary>用户管理 through the real forms: create, edit, disable/enable, reset passwords; the results show at sign-in.</summary>
public sealed class UsersAdminTests : IDisposable
{
    private const string Email = "liuming@diecai.test";

    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>An administrator's browser, with the organisation tree the 单位 select offers.</summary>
    private async Task<HttpClient> AdminAsync()
    {
        await portal.EnsureOrganizationsAsync();
        return await portal.SignedInAsync(Roles.Administrator);
    }

    private async Task<(HttpClient Admin, string Password)> CreateCorrespondentAsync()
    {
        var admin = await AdminAsync();
        var created = await admin.CreateUserAsync("刘名", Email, "桂林市叠彩区计生协", "", Roles.Correspondent, Roles.Editor);
        return (admin, await AdminForms.ShownPasswordAsync(created));
    }

    [Fact]
    public async Task Admin_creates_a_user_who_signs_in_with_the_password_shown_once()
    {
        var (admin, password) = await CreateCorrespondentAsync();
        Assert.Equal(16, password.Length);
        Assert.Equal(["刘名", Email, "桂林市叠彩区计生协", "编辑、通讯员", "正常", "编辑"], (await admin.UserRowAsync(Email))!);

        // A generated password is known to the administrator too: the first sign-in leads to 修改密码.
        var signIn = await portal.SignInAsync(Email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/password", signIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_password_typed_by_the_admin_is_used_and_not_shown()
    {
        var admin = await AdminAsync();
        var text = await admin.FollowAsync(await admin.CreateUserAsync("会员单位乙", "member@unit.test", "南宁市计生协", "Nanning-2023!", Roles.Member));
        Assert.Contains("已创建用户“会员单位乙”", text);
        Assert.DoesNotContain("Nanning-2023!", text);
        await portal.AssertCanSignInAsync("member@unit.test", "Nanning-2023!");
    }

    [Theory]
    [InlineData("short1A!", "密码至少需要 10 个字符。")]
    [InlineData("alllowercaseletters", "密码需要混合小写字母、大写字母、数字、符号中的至少三类。")]
    public async Task A_weak_password_is_refused_in_chinese_and_nothing_is_created(string password, string message)
    {
        var admin = await AdminAsync();
        var response = await admin.CreateUserAsync("刘名", Email, "桂林市叠彩区计生协", password, Roles.Correspondent);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await AdminForms.MainTextAsync(response));
        Assert.Null(await admin.UserRowAsync(Email));
        await portal.AssertCannotSignInAsync(Email, password);
    }

    [Fact]
    public async Task A_duplicate_email_or_missing_fields_are_refused()
    {
        var (admin, _) = await CreateCorrespondentAsync();
        var again = await admin.CreateUserAsync("另一个人", Email, "", "", Roles.Member);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"电子邮箱“{Email}”已被使用。", await AdminForms.MainTextAsync(again));

        var empty = await admin.CreateUserAsync("", "不是邮箱", "", "");
        var text = await AdminForms.MainTextAsync(empty);
        Assert.Contains("请填写姓名。", text);
        Assert.Contains("电子邮箱格式不正确。", text);
        Assert.Contains("请至少选择一个角色。", text);
        Assert.Equal(["刘名"], (await admin.PageAsync("/admin/users")).QuerySelectorAll("tbody tr td:first-child")
            .Select(td => td.TextContent).Where(n => n is "刘名" or "另一个人"));
    }

    [Fact]
    public async Task Edit_changes_name_organisation_and_roles()
    {
        var (admin, password) = await CreateCorrespondentAsync();
        var edit = $"/admin/users/{await portal.UserIdAsync(Email)}/edit";
        var city = await AdminForms.OrganizationOptionAsync(admin, edit, "Form.OrganizationId", "桂林市计生协");
        var saved = await admin.PostFieldsAsync(edit, edit,
            ("Form.DisplayName", "刘 名"), ("Form.OrganizationId", city), ("Form.Roles", Roles.Member));
        Assert.Contains("已保存。", await admin.FollowAsync(saved));
        Assert.Equal(["刘 名", Email, "桂林市计生协", "会员单位", "正常", "编辑"], (await admin.UserRowAsync(Email))!);

        var session = await portal.SignedInAsAsync(Email, password);
        await ChangeFirstPasswordAsync(session, password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.Equal("/", (await portal.SignInAsync(Email, NewPassword)).Headers.Location!.ToString());
    }

    private const string NewPassword = "Ziji-de-mima-2023";

    /// <summary>The first sign-in with a generated password: 修改密码 first, then the person's landing page.</summary>
    private static async Task ChangeFirstPasswordAsync(HttpClient session, string password)
    {
        var changed = await session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        var (admin, password) = await CreateCorrespondentAsync();
        var edit = $"/admin/users/{await portal.UserIdAsync(Email)}/edit";
        var text = await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/disable")));
        Assert.Contains("已停用“刘名”", text);
        Assert.Equal("已停用", (await admin.UserRowAsync(Email))![4]);
        Assert.Contains("该账号已停用", await portal.AssertCannotSignInAsync(Email, password));

        text = await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/enable")));
        Assert.Contains("已启用“刘名”", text);
        Assert.Equal("正常", (await admin.UserRowAsync(Email))![4]);
        await portal.AssertCanSignInAsync(Email, password);
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one_and_clears_a_lockout()
    {
        var (admin, old) = await CreateCorrespondentAsync();
        for (var i = 0; i < 5; i++)
        {
            await portal.AssertCannotSignInAsync(Email, "Wrong-Passw0rd");
        }

        Assert.StartsWith("已锁定（至 ", (await admin.UserRowAsync(Email))![4]);
        var edit = $"/admin/users/{await portal.UserIdAsync(Email)}/edit";
        var fresh = await AdminForms.ShownPasswordAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/reset-password")));
        Assert.NotEqual(old, fresh);
        Assert.Equal("正常", (await admin.UserRowAsync(Email))![4]);
        await portal.AssertCannotSignInAsync(Email, old);
        await portal.AssertCanSignInAsync(Email, fresh);
    }

    [Fact]
    public async Task Resetting_the_password_or_disabling_ends_the_users_open_sessions_at_once()
    {
        var (admin, password) = await CreateCorrespondentAsync();
        var edit = $"/admin/users/{await portal.UserIdAsync(Email)}/edit";
        var session = await portal.SignedInAsAsync(Email, password);
        await ChangeFirstPasswordAsync(session, password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/editorial")).StatusCode);

        var fresh = await AdminForms.ShownPasswordAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/reset-password")));
        AssertSentToLogin(await session.GetAsync("/editorial"));

        session = await portal.SignedInAsAsync(Email, fresh);
        Assert.Equal("/account/password", (await session.GetAsync("/editorial")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/password")).StatusCode);
        await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/disable")));
        AssertSentToLogin(await session.GetAsync("/editorial"));
    }

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var me = await portal.EnsureUserAsync(Roles.Administrator);
        var edit = $"/admin/users/{me.Id}/edit";
        Assert.Empty((await admin.PageAsync(edit)).QuerySelectorAll("form[action$='/disable']"));
        var text = await admin.FollowAsync(await admin.PostFieldsAsync(edit, edit.Replace("/edit", "/disable")));
        Assert.Contains("不能停用自己的账号。", text);
        Assert.Equal("正常", (await admin.UserRowAsync(me.Email!))![4]);
        await portal.AssertCanSignInAsync(me.Email!, Accounts.Password);

        var dropAdmin = await admin.PostFieldsAsync(edit, edit, ("Form.DisplayName", "管理员甲"), ("Form.Roles", Roles.Editor));
        Assert.Contains("不能取消自己的管理员角色。", await AdminForms.MainTextAsync(dropAdmin));
    }

    [Fact]
    public async Task An_unknown_user_is_a_chinese_404()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var (response, document, _) = await admin.GetPageAsync("/admin/users/no-such-id/edit");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这个用户。", document.QuerySelector("main")!.TextContent);
        foreach (var action in new[] { "disable", "enable", "reset-password", "edit" })
        {
            var post = await admin.PostFieldsAsync("/admin/users", $"/admin/users/no-such-id/{action}", ("Form.DisplayName", "某人"), ("Form.Roles", Roles.Member));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
    }
}
