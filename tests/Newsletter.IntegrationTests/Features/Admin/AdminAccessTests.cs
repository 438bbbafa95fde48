using System.Net;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin;

/// <summary>The administrator pages are for administrators only: others are sent to sign in or told they may not.</summary>
[Collection(SharedPortal.Name)]
public class AdminAccessTests(PortalFactory portal)
{
    public static TheoryData<string> Pages => new() { "/admin/users", "/admin/users/new", "/admin/words", "/admin/audit" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var response = await portal.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Editors_are_denied(string url)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var response = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Administrators_see_the_page_in_chinese(string url)
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var (response, document, body) = await admin.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("&#x", body);
    }

    [Theory]
    [InlineData("/admin/users/new")]
    [InlineData("/admin/words/add")]
    [InlineData("/admin/words/bulk")]
    public async Task A_correspondent_cannot_post_to_the_admin_forms(string action)
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var response = await correspondent.PostFormAsync("/account/password", action, new() { ["Add.Word"] = "越权", ["Bulk.Lines"] = "越权" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
    }
}
