using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Security;

/// <summary>
/// Every controller action, found from the endpoint metadata, against a hand-written table of who may use
/// it; each is called as anonymous and as each role. A new action missing from the table, or without an
/// authorization rule, fails here. POSTs are sent without their antiforgery token: a permitted caller gets 400.
/// </summary>
[Collection(SharedPortal.Name)]
public partial class EndpointAuthorizationTests(PortalFactory portal)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Anonymous, Roles.Administrator, Roles.ChiefEditor, Roles.Editor, Roles.Correspondent, Roles.Member];
    private static readonly string[] SignedIn = [Roles.Administrator, Roles.ChiefEditor, Roles.Editor, Roles.Correspondent, Roles.Member];
    private static readonly string[] Writers = [Roles.ChiefEditor, Roles.Editor, Roles.Correspondent];
    private static readonly string[] Editors = [Roles.ChiefEditor, Roles.Editor];
    private static readonly string[] Admins = [Roles.Administrator];
    private static readonly string[] Members = [Roles.Member];

    /// <summary>
    /// The feature folder of an action's controller (its namespace under <c>Features</c>, e.g. <c>Editorial/Issues</c>):
    /// two controllers of one name (the readers' and the editors' issues) are told apart by it.
    /// </summary>
    public static string Folder(ControllerActionDescriptor action) =>
        action.ControllerTypeInfo.Namespace!["Newsletter.Web.Features.".Length..].Replace('.', '/');

    /// <summary>Feature folder → who may call its actions (per action where they differ).</summary>
    private static string[] Expected(string folder, string action, string method) => (folder, action, method) switch
    {
        ("Issues", _, _) or ("Issues/Pdf", _, _) or ("Articles", _, _) or ("Sections", _, _) => Everyone,
        ("Errors", _, _) or ("Search", _, _) or ("Feeds", _, _) => Everyone,
        ("Account", "Login" or "Denied" or "Forgot" or "Reset" or "Activate", _) => Everyone,
        ("Account", "Logout" or "Password", _) => SignedIn,
        ("Unsubscribe", _, _) => Everyone,
        ("Editorial", _, _) or ("Editorial/Articles", _, _) => Writers,
        ("Notifications", _, _) => [.. Writers, Roles.Administrator],
        ("Editorial/Issues", _, _) or ("Editorial/Import", _, _) => Editors,
        ("Media", _, "GET") => Everyone,
        ("Admin/Users", _, _) or ("Admin/Users/Import", _, _) or ("Admin/Words", _, _) or ("Admin/Audit", _, _) or ("Admin/Search", _, _) => Admins,
        ("Admin/Organizations", _, _) or ("Admin/Statistics", _, _) or ("Admin/Dispatches", _, _) => Admins,
        ("Admin/Sections", _, _) or ("Admin/Publication", _, _) => Admins,
        ("My", _, _) => Members,
        _ => throw new Xunit.Sdk.XunitException($"{folder}.{action} ({method}) is not in the authorization table: add it with the roles that may use it."),
    };

    public static IEnumerable<(string Folder, string Action, string Method, string Template, EndpointMetadataCollection Metadata)> Actions(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(x => x.Descriptor is not null)
            .Select(x => (Folder(x.Descriptor!), x.Descriptor!.ActionName,
                x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET",
                x.Endpoint.RoutePattern.RawText ?? "", x.Endpoint.Metadata));

    [Fact]
    public void Every_action_has_an_explicit_authorization_rule()
    {
        var actions = Actions(portal.Services).ToList();
        Assert.True(actions.Count > 30, $"found {actions.Count} actions");
        Assert.All(actions, a => Assert.True(
            a.Metadata.GetMetadata<IAllowAnonymous>() is not null || a.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0,
            $"{a.Folder}.{a.Action} has neither [Authorize] nor [AllowAnonymous]"));
    }

    [Fact]
    public async Task Every_action_answers_each_role_as_the_table_says()
    {
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = portal.Browser() };
        foreach (var role in SignedIn)
        {
            clients[role] = await portal.SignedInAsync(role);
        }

        var failures = new List<string>();
        foreach (var (folder, action, method, template, _) in Actions(portal.Services))
        {
            var allowed = Expected(folder, action, method);
            var url = Fill(template);
            foreach (var (who, client) in clients)
            {
                var response = method == "POST"
                    ? await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()))
                    : await client.GetAsync(url);
                var outcome = Describe(response);
                var expected = !allowed.Contains(who) ? (who == Anonymous ? "login" : "denied")
                    : method == "POST" && folder != "Errors" ? "400"
                    : action == "Denied" ? "403"
                    : folder == "Unsubscribe" ? "400" // a made-up token ("1") is refused with the Chinese 400 page
                    : "served";
                if (outcome != expected)
                {
                    failures.Add($"{who} {method} {url} ({folder}.{action}): expected {expected}, got {outcome} ({(int)response.StatusCode})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Describe(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/login") => "login",
            HttpStatusCode.Redirect when location.Contains("/account/denied") => "denied",
            HttpStatusCode.BadRequest => "400",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError => ((int)response.StatusCode).ToString(),
            _ => "served",
        };
    }

    /// <summary>Fills route parameters with values that exist in the seeded portal where that matters.</summary>
    internal static string Fill(string template) => "/" + Parameter().Replace(template.TrimStart('/'), m => m.Groups["name"].Value switch
    {
        "year" => "2023",
        "number" => "2",
        "slug" => "briefs",
        "code" => "404",
        "id" when template.Contains("users") => "no-such-user",
        "id" when template.Contains("words") => "99999",
        _ => "1",
    });

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
