using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests;

/// <summary>Users in each role, signed in through the real login form (antiforgery included).</summary>
public static class Accounts
{
    public const string Password = "Test-Passw0rd!";

    /// <summary>Creates (once) a user in the role, named after it: editor@test.local, 编辑甲.</summary>
    public static async Task<ApplicationUser> EnsureUserAsync(this PortalFactory portal, string role, string? email = null, string? organization = null)
    {
        email ??= $"{role.ToLowerInvariant()}@test.local";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = Newsletter.Web.Domain.Roles.DisplayName(role) + "甲",
            OrganizationName = organization ?? "自治区计生协",
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects: in memory to the test server, or over the network to a
    /// portal started on Kestrel (<see cref="PortalFactory.KestrelAddress"/>), whose factory client would follow redirects.
    /// </summary>
    public static HttpClient Browser(this PortalFactory portal) => portal.KestrelAddress is { } address
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address }
        : portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in as a (new) user of the role.</summary>
    public static async Task<HttpClient> SignedInAsync(this PortalFactory portal, string role, string? email = null)
    {
        var user = await portal.EnsureUserAsync(role, email);
        var client = portal.Browser();
        var response = await client.PostFormAsync("/account/login", "/account/login",
            new() { ["Email"] = user.Email!, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Reads the antiforgery token from the form on <paramref name="formPage"/>, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var document = await Html.ParseAsync(html);
        var input = document.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement;
        Assert.True(input is not null, $"No antiforgery token on {page}");
        return input!.Value;
    }
}
