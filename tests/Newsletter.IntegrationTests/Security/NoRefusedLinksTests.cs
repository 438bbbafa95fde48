using System.Net;
using Newsletter.IntegrationTests.Features;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Security;

/// <summary>
/// Nobody is shown a link to a page that refuses them: signed in with one role only (an administrator who is not also an
/// editor, an editor who is not an administrator …), every page reachable by following the portal's own links from the home
/// page and the role's landing page answers without 403 or a bounce to the sign-in or 无权访问 page.
/// </summary>
public sealed class NoRefusedLinksTests(HtmlValidityTests.Portal portal) : IClassFixture<HtmlValidityTests.Portal>
{
    /// <summary>Enough for every menu, list and item page of the fixture's portal; the crawl stops there.</summary>
    private const int MaxPages = 250;

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ChiefEditor)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Correspondent)]
    [InlineData(Roles.Member)]
    public async Task Every_link_a_user_of_one_role_is_shown_opens_for_them(string role)
    {
        var client = await portal.SignedInAsync(role);
        var landing = (await client.GetAsync("/account/login")).Headers.Location?.OriginalString ?? "/";
        var queue = new Queue<(string Url, string From)>([("/", "start"), (landing, "start")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/", landing };
        var refused = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            visited++;
            using var response = await client.GetAsync(url);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                || location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal))
            {
                refused.Add($"{url} (linked from {from}): {(int)response.StatusCode} {location}");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                var target = href.Split('#')[0];
                if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && Followable(target) && seen.Add(target))
                {
                    queue.Enqueue((target, url));
                }
            }
        }

        Assert.True(visited > 20, $"only {visited} pages reached as {role}");
        Assert.True(refused.Count == 0, $"{role} is shown links that refuse them:\n{string.Join("\n", refused)}");
    }

    /// <summary>Pages, not the PDF (each would start Chromium) or sign-out; every search result page would be endless.</summary>
    private static bool Followable(string path) =>
        !path.EndsWith(".pdf", StringComparison.Ordinal) && !path.StartsWith("/account/logout", StringComparison.Ordinal)
        && !(path.StartsWith("/search", StringComparison.Ordinal) && path.Contains("page=", StringComparison.Ordinal));
}
