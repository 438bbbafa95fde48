using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.IntegrationTests.Features.Editorial.Issues;

/// <summary>
/// The chief editor who published sees on the issue's page what its mail did (已发送 2 / 失败 1); the link to the dispatch
/// is there only for someone who may open it (an administrator), since /admin/dispatches/{id} refuses everyone else.
/// </summary>
public sealed class IssueDeliveriesTests : IAsyncDisposable
{
    private readonly TestSmtpServer smtp = new();
    private PortalFactory? portal;

    public async ValueTask DisposeAsync()
    {
        portal?.Dispose();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_publishing_chief_editor_sees_the_counts_and_only_an_administrator_gets_the_link()
    {
        portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };
        smtp.Refused.Add("refused@gxjsx.test");
        await portal.AddAsync("南宁市计划生育协会", DistributionGroup.Distribute, "nanning@gxjsx.test", "refused@gxjsx.test");
        await portal.AddAsync("柳州市计划生育协会", DistributionGroup.Send, "liuzhou@gxjsx.test");
        var draftId = await portal.ComposeNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        Assert.Null((await Html.ParseAsync(await chief.GetStringAsync($"/editorial/issues/{draftId}"))).QuerySelector("#issue-deliveries"));

        var editor = await portal.SignedInAsync(Roles.Editor);
        await editor.IssueActionAsync(draftId, IssueAction.SubmitForReview);
        await chief.IssueActionAsync(draftId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
        await chief.IssueActionAsync(draftId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" });
        await portal.WaitForAsync(r => r.Count == 3 && r.All(x => x.Status is DeliveryStatus.Sent or DeliveryStatus.Failed) && r.Count(x => x.Status == DeliveryStatus.Sent) == 2);

        var page = await Html.ParseAsync(await chief.GetStringAsync($"/editorial/issues/{draftId}"));
        var deliveries = page.QuerySelector("#issue-deliveries")!;
        Assert.StartsWith("已发送 2 / 失败", deliveries.QuerySelector("[data-counts]")!.TextContent);
        Assert.Empty(deliveries.QuerySelectorAll("a[href^='/admin/dispatches']"));
        Assert.Contains("由管理员在“发送记录”中处理", deliveries.TextContent);

        var both = await SignedInAsBothAsync();
        var adminsPage = await Html.ParseAsync(await both.GetStringAsync($"/editorial/issues/{draftId}"));
        var link = Assert.Single(adminsPage.QuerySelectorAll("#issue-deliveries a"));
        Assert.Equal("/admin/dispatches/1", link.GetAttribute("href"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await both.GetAsync("/admin/dispatches/1")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await chief.GetAsync("/admin/dispatches/1")).StatusCode);
    }

    /// <summary>A chief editor who is also an administrator, signed in through the form.</summary>
    private async Task<HttpClient> SignedInAsBothAsync()
    {
        var factory = portal!;
        var user = await factory.EnsureUserAsync(Roles.ChiefEditor, "chief-admin@test.local");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Administrator)).Succeeded);
        }

        var client = factory.Browser();
        await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = user.Email!, ["Password"] = Accounts.Password });
        return client;
    }
}
