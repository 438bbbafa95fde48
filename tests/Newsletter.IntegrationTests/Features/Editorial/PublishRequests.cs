using System.Globalization;
using System.Net;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>The requests <see cref="KillDuringPublishTests"/> sends to the portal process: sign in, publish, read the answer.</summary>
public static class PublishRequests
{
    public static async Task<HttpClient> SignInAsync(PortalProcess portal)
    {
        var client = portal.Browser();
        var response = await client.PostFormAsync("/account/login", "/account/login",
            new() { ["Email"] = "chiefeditor@test.local", ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A publish without the 保密审查 confirmation first (refused, and it warms up the same code path), then the real
    /// one: returns the request in flight.
    /// </summary>
    public static async Task<Task<HttpResponseMessage>> SendPublishAsync(HttpClient chief, int issueId)
    {
        var refused = await chief.IssueActionAsync(issueId, IssueAction.Publish);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("保密审查", await refused.Content.ReadAsStringAsync());
        var token = await Accounts.TokenAsync(chief, $"/editorial/issues/{issueId}");
        return chief.PostAsync($"/editorial/issues/{issueId}/transition", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Action"] = nameof(IssueAction.Publish), ["ConfidentialityConfirmed"] = "true",
        }));
    }

    public static async Task<string> AnswerAsync(Task<HttpResponseMessage> request)
    {
        try
        {
            return ((int)(await request).StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException ex)
        {
            return "no answer (" + ex.HttpRequestError + ")";
        }
    }
}
