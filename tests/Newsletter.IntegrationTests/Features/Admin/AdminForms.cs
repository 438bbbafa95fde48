using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests.Features.Admin;

/// <summary>What the administrator tests do through the pages: forms with repeated fields, sign-in attempts, redirects.</summary>
internal static class AdminForms
{
    /// <summary>Like <see cref="Accounts.PostFormAsync"/>, but a field may repeat (checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string formPage, string action, params (string Name, string Value)[] fields)
    {
        var token = await Accounts.TokenAsync(client, formPage);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Signs in through the login form in a fresh browser: 302 when it worked, 200 with a message when not.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this PortalFactory portal, string email, string password) =>
        await portal.Browser().PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>A browser signed in with the given account (for users made through the pages).</summary>
    public static async Task<HttpClient> SignedInAsAsync(this PortalFactory portal, string email, string password)
    {
        var client = portal.Browser();
        var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task AssertCanSignInAsync(this PortalFactory portal, string email, string password) =>
        Assert.Equal(HttpStatusCode.Redirect, (await portal.SignInAsync(email, password)).StatusCode);

    /// <summary>Asserts that sign-in fails and returns what the login page then says.</summary>
    public static async Task<string> AssertCannotSignInAsync(this PortalFactory portal, string email, string password)
    {
        var response = await portal.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MainTextAsync(response);
    }

    /// <summary>Follows a 302 (post/redirect/get) and returns the text of the page's main element.</summary>
    public static async Task<string> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, _, _) = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await MainTextAsync(page);
    }

    public static async Task<string> MainTextAsync(HttpResponseMessage response) =>
        (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent;

    public static async Task<IDocument> PageAsync(this HttpClient client, string url)
    {
        var (response, document, _) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    /// <summary>
    /// Creates a user through /admin/users/new with an initial password (empty: the portal generates one), choosing the
    /// 单位 by its name among the select's options (see <see cref="TestOrganizations"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> CreateUserAsync(this HttpClient admin, string name, string email, string organization, string password, params string[] roles)
    {
        var organizationId = organization.Length == 0 ? "" : await OrganizationOptionAsync(admin, "/admin/users/new", "OrganizationId", organization);
        return await admin.PostFieldsAsync("/admin/users/new", "/admin/users/new",
            [("DisplayName", name), ("Email", email), ("OrganizationId", organizationId), ("Setup", "Password"), ("Password", password), .. roles.Select(r => ("Roles", r))]);
    }

    /// <summary>The value of the 单位 option whose text (indentation aside) is <paramref name="name"/>.</summary>
    public static async Task<string> OrganizationOptionAsync(HttpClient admin, string page, string field, string name)
    {
        var options = (await admin.PageAsync(page)).QuerySelectorAll($"select[name='{field}'] option");
        var option = options.FirstOrDefault(o => o.TextContent.Trim('　', ' ') == name);
        Assert.True(option is not null, $"no option {name} among {string.Join("|", options.Select(o => o.TextContent))}");
        return option!.GetAttribute("value")!;
    }

    /// <summary>The password on the page shown once after creating a user or resetting a password.</summary>
    public static async Task<string> ShownPasswordAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("只显示这一次", document.QuerySelector("main")!.TextContent);
        return document.QuerySelector(".one-time-password")!.TextContent;
    }

    public static async Task<string> UserIdAsync(this PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user!.Id;
    }

    /// <summary>The cells of the user list row whose 账号 is <paramref name="email"/>, or null.</summary>
    public static async Task<string[]?> UserRowAsync(this HttpClient admin, string email) =>
        (await admin.PageAsync("/admin/users")).QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .FirstOrDefault(cells => cells[1] == email);
}
