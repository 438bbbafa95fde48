using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Account;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Users;

/// <summary>批量导入用户 through the real upload form: a GBK file, a preview with every error of every line, then apply.</summary>
public sealed class UserImportTests : IAsyncDisposable
{
    private const string Csv = """
        姓名,邮箱,角色,单位
        王芳,wangfang@diecai.test,通讯员,桂林市叠彩区计生协
        李强,liqiang@nanning.test,会员单位、通讯员,南宁市计生协
        ,不是邮箱,主任,不存在的计生协
        周明,correspondent@test.local,通讯员,已撤销的计生协
        覃丽,WANGFANG@diecai.test,编辑,
        """;

    private readonly TestSmtpServer smtp = new();
    private readonly PortalFactory portal;

    public UserImportTests() => portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };

    public async ValueTask DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] bytes, string name = "用户名单.csv")
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(admin, "/admin/users/import")), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", name);
        return await admin.PostAsync("/admin/users/import", content);
    }

    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(text);
    }

    private static string[] Errors(IDocument page, int line) =>
        page.QuerySelector($".import-rows li[data-line='{line}']")!.QuerySelectorAll(".row-errors li").Select(li => li.TextContent).ToArray();

    [Fact]
    public async Task A_gbk_file_is_previewed_line_by_line_with_all_errors_then_the_good_lines_become_accounts_with_activation_mails()
    {
        await portal.EnsureOrganizationsAsync();
        await portal.EnsureUserAsync(Roles.Correspondent);
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var before = await portal.WithDbAsync(db => db.Users.CountAsync());

        var preview = await UploadAsync(admin, Gbk(Csv));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);
        Assert.Contains("共 5 行：可以创建 2 个账号，有错误 3 行。现在还没有创建任何账号。", page.QuerySelector(".import-summary")!.TextContent);
        Assert.Equal(["2", "3", "4", "5", "6"], page.QuerySelectorAll(".import-rows li[data-line]").Select(li => li.GetAttribute("data-line")!));
        Assert.Contains("王芳", page.QuerySelector(".import-rows li[data-line='2']")!.TextContent); // GBK read as Chinese
        Assert.Empty(Errors(page, 2));
        Assert.Equal(
            ["缺少姓名。", "邮箱“不是邮箱”格式不正确。", "角色“主任”不存在（可填：管理员、总编辑、编辑、通讯员、会员单位）。", "单位“不存在的计生协”不在单位列表中（须与“单位与发送名单”中的名称完全一致）。"],
            Errors(page, 4));
        Assert.Equal(["邮箱“correspondent@test.local”已被使用。", "单位“已撤销的计生协”不在单位列表中（须与“单位与发送名单”中的名称完全一致）。"], Errors(page, 5));
        Assert.Equal(["邮箱“WANGFANG@diecai.test”与第 2 行重复。"], Errors(page, 6));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Empty(smtp.Messages);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["upload"] = await admin.GetStringAsync("/admin/users/import"), ["preview"] = html,
        }));

        var payload = page.QuerySelector("input[name=payload]")!.GetAttribute("value")!;
        var applied = await admin.PostFormAsync("/admin/users/import", "/admin/users/import/apply", new() { ["payload"] = payload });
        var done = await Html.ParseAsync(await applied.Content.ReadAsStringAsync());
        Assert.Contains("已创建 2 个账号，3 行未创建。", done.QuerySelector(".import-summary")!.TextContent);

        var created = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "wangfang@diecai.test" || u.Email == "liqiang@nanning.test")
            .OrderBy(u => u.Email).Select(u => new { u.DisplayName, u.OrganizationName, u.PasswordHash, u.OrganizationId }).ToListAsync());
        Assert.Equal(["李强", "王芳"], created.Select(u => u.DisplayName));
        Assert.Equal(["南宁市计生协", "桂林市叠彩区计生协"], created.Select(u => u.OrganizationName));
        Assert.All(created, u => Assert.Null(u.PasswordHash));
        Assert.All(created, u => Assert.NotNull(u.OrganizationId));
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal("激活账号 - 工作通讯", Assert.Single(smtp.To("liqiang@nanning.test")).Subject);
        smtp.LinkTo("wangfang@diecai.test", "activate");

        // The same file again: every line is refused now (the accounts exist); nothing is created twice.
        var replay = await admin.PostFormAsync("/admin/users/import", "/admin/users/import/apply", new() { ["payload"] = payload });
        Assert.Contains("已创建 0 个账号，5 行未创建。", (await Html.ParseAsync(await replay.Content.ReadAsStringAsync())).QuerySelector(".import-summary")!.TextContent);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task A_file_without_the_columns_or_an_altered_payload_is_refused_in_chinese()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var wrong = await Html.ParseAsync(await (await UploadAsync(admin, Encoding.UTF8.GetBytes("名字,邮件\n王芳,a@b.test\n"))).Content.ReadAsStringAsync());
        Assert.Contains("文件第一行缺少列：姓名、邮箱、角色、单位。", wrong.QuerySelector(".import-error")!.TextContent);

        var forged = await admin.PostFormAsync("/admin/users/import", "/admin/users/import/apply", new() { ["payload"] = "abc" });
        Assert.Contains("导入内容已失效或被改动", (await Html.ParseAsync(await forged.Content.ReadAsStringAsync())).QuerySelector(".import-error")!.TextContent);
        Assert.Equal(1, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@test.local"))));
    }
}
