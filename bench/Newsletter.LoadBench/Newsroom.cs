using System.Net;
using System.Text.RegularExpressions;

namespace Newsletter.LoadBench;

/// <summary>
/// The editorial road over HTTP, as people walk it through the forms (antiforgery tokens included): the first
/// administrator creates an editor who is also chief editor; that person writes and accepts an article, composes a
/// new issue with it, submits, approves and publishes it with 发送电子邮件 ticked.
/// </summary>
public sealed partial class Newsroom(string baseUrl)
{
    public const string AdminEmail = "admin@localhost";
    public const string ChiefEmail = "chief@bench.test";

    /// <summary>A password made for this run only (never stored), meeting the portal's rules.</summary>
    public static string NewPassword() => "Bench-" + Guid.NewGuid().ToString("N")[..12] + "!a1";

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(baseUrl) };
        await PostAsync(client, "/account/login", "/account/login", [new("Email", email), new("Password", password)]);
        return client;
    }

    public static async Task CreateChiefEditorAsync(HttpClient admin, string password) =>
        await PostAsync(admin, "/admin/users/new", "/admin/users/new",
        [
            new("Email", ChiefEmail), new("Password", password), new("DisplayName", "压测总编辑"), new("OrganizationName", "自治区计生协"),
            new("Roles", "Editor"), new("Roles", "ChiefEditor"),
        ]);

    /// <summary>Takes a new issue from nothing to published; returns its article's id once the publish response has arrived.</summary>
    public static async Task<int> PublishIssueAsync(HttpClient chief, int year, int number, int serial, string title, string body)
    {
        var article = IdOf(await PostAsync(chief, "/editorial/articles/new", "/editorial/articles/new",
            [new("Title", title), new("Body", body), new("SectionId", "1"), new("AttributionOrganization", "自治区计生协")]));
        await PostAsync(chief, $"/editorial/articles/{article}", $"/editorial/articles/{article}/transition", [new("action", "Accept")]);
        var issue = IdOf(await PostAsync(chief, "/editorial/issues/new", "/editorial/issues/new",
        [
            new("Year", $"{year}"), new("Number", $"{number}"), new("SerialNumber", $"{serial}"), new("CoverMonth", "2"),
            new("Visibility", "Public"),
        ]));
        var compose = $"/editorial/issues/{issue}";
        await PostAsync(chief, compose, compose + "/place", [new("articleId", $"{article}"), new("sectionId", "1")]);
        await PostAsync(chief, compose, compose + "/transition", [new("Action", "SubmitForReview")]);
        await PostAsync(chief, compose, compose + "/transition", [new("Action", "Approve"), new("HitsReviewed", "true")]);
        await PostAsync(chief, compose, compose + "/transition",
            [new("Action", "Publish"), new("ConfidentialityConfirmed", "true"), new("SendEmail", "true")]);
        return article;
    }

    /// <summary>Posts a form with the token from <paramref name="formPage"/>; anything but a redirect is a failure.</summary>
    private static async Task<Uri> PostAsync(HttpClient client, string formPage, string action, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await TokenAsync(client, formPage)));
        using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"POST {action} answered {(int)response.StatusCode}: {Visible(text)}");
        }

        return response.Headers.Location!;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="formPage"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string formPage)
    {
        var input = TokenInput().Match(await client.GetStringAsync(formPage));
        return input.Success
            ? WebUtility.HtmlDecode(TokenValue().Match(input.Value).Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token on {formPage}");
    }

    private static int IdOf(Uri location) =>
        int.Parse(location.OriginalString.Split('/', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);

    private static string Visible(string html)
    {
        var text = Regex.Replace(Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " ");
        var clean = Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
        return clean.Length > 400 ? clean[..400] : clean;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();
}
