using System.Net;
using MimeKit;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Notifications;

/// <summary>
/// Notifications by e-mail through the real forms and a real SMTP server in process: each step of the monthly work
/// tells the people it waits on, never the person who acted, never someone who turned that kind off.
/// </summary>
public sealed class NotificationTests : IAsyncDisposable
{
    private const string Correspondent = "correspondent@test.local";
    private const string Editor = "editor@test.local";
    private const string SecondEditor = "editor2@test.local";
    private const string Chief = "chiefeditor@test.local";

    private readonly TestSmtpServer smtp = new();
    private readonly PortalFactory portal;

    public NotificationTests() => portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };

    public async ValueTask DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    /// <summary>Waits (up to 20 s) until a message with this subject reaches <paramref name="to"/>; notifications are sent in order.</summary>
    private async Task<MimeMessage> ReceivedAsync(string to, string subject)
    {
        for (var i = 0; i < 200; i++)
        {
            if (smtp.Notifications.FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(a => a.Address == to)) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No “{subject}” to {to}; received: {string.Join(" | ", smtp.Notifications.Select(m => $"{m.To} {m.Subject}"))}");
    }

    private List<string> To(string subject) =>
        smtp.Notifications.Where(m => m.Subject == subject).SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).Order().ToList();

    [Fact]
    public async Task Each_step_tells_the_people_it_waits_on_and_never_the_one_who_acted()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent, Correspondent);
        var editor = await portal.SignedInAsync(Roles.Editor, Editor);
        await portal.EnsureUserAsync(Roles.Editor, SecondEditor);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor, Chief);

        // A correspondent submits → the editors and the chief editor; not the correspondent.
        var articleId = await correspondent.WriteArticleAsync("武宣县开展托育服务调研", "武宣县计生协走访了三家托育机构。");
        Assert.Equal(HttpStatusCode.Redirect, (await correspondent.ArticleActionAsync(articleId, ArticleAction.Submit)).StatusCode);
        var submitted = await ReceivedAsync(Editor, "【工作通讯】待审稿件：《武宣县开展托育服务调研》");
        Assert.Contains("http://portal.test/editorial/articles/" + articleId, submitted.TextBody);
        Assert.Equal("auto-generated", submitted.Headers["Auto-Submitted"]);

        // The desk badge counts it for the editor.
        var desk = await editor.GetPageAsync("/editorial");
        Assert.Equal("1项等待您处理", desk.Document.QuerySelector("[data-desk-badge]")!.TextContent);

        // Returned with a note → its author, with the note.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.ArticleActionAsync(articleId, ArticleAction.Return, "请补充调研的时间和地点。")).StatusCode);
        var returned = await ReceivedAsync(Correspondent, "【工作通讯】稿件《武宣县开展托育服务调研》已退回修改");
        Assert.Contains("意见：请补充调研的时间和地点。", returned.TextBody);
        Assert.Equal("1项等待您处理", (await correspondent.GetPageAsync("/editorial")).Document.QuerySelector("[data-desk-badge]")!.TextContent);

        // The second editor turns off "有稿件提交审核" through the settings form; the resubmission skips them.
        var second = await portal.SignedInAsync(Roles.Editor, SecondEditor);
        var settings = await second.GetPageAsync("/notifications");
        Assert.Equal(5, settings.Document.QuerySelectorAll("input[type=checkbox][name=receive]:checked").Length);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["通知设置"] = settings.Body }));
        // The form as a browser sends it: every ticked box, all but the first.
        var ticked = settings.Document.QuerySelectorAll("input[type=checkbox][name=receive]").Skip(1).Select(i => i.GetAttribute("value")!).ToList();
        Assert.DoesNotContain("ArticleSubmitted", ticked);
        var fields = ticked.Select(v => KeyValuePair.Create("receive", v))
            .Append(KeyValuePair.Create("__RequestVerificationToken", await Accounts.TokenAsync(second, "/notifications")));
        var save = await second.PostAsync("/notifications", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var saved = await second.GetPageAsync("/notifications");
        Assert.Contains("通知设置已保存。", saved.Body);
        Assert.Equal(4, saved.Document.QuerySelectorAll("input[type=checkbox][name=receive]:checked").Length);
        Assert.False(saved.Document.QuerySelector("#receive-ArticleSubmitted")!.HasAttribute("checked"));
        Assert.Equal(HttpStatusCode.Redirect, (await correspondent.ArticleActionAsync(articleId, ArticleAction.Submit)).StatusCode);

        // Accepted → its author.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.ArticleActionAsync(articleId, ArticleAction.Accept, "写得很好。")).StatusCode);
        Assert.Contains("意见：写得很好。", (await ReceivedAsync(Correspondent, "【工作通讯】稿件《武宣县开展托育服务调研》已采用")).TextBody);

        // An issue submitted for review → the chief editor; returned → the editor who submitted it (not the other one).
        var issueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6" }));
        await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place",
            new() { ["articleId"] = articleId.ToString(), ["sectionId"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, (await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview)).StatusCode);
        await ReceivedAsync(Chief, "【工作通讯】待审核：2023年第3期(总第66期)");
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Return, new() { ["Note"] = "目录顺序请调整。" })).StatusCode);
        Assert.Contains("意见：目录顺序请调整。", (await ReceivedAsync(Editor, "【工作通讯】2023年第3期(总第66期)已退回修改")).TextBody);

        // Published → the editors, not the chief editor who published.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" })).StatusCode);
        var published = await ReceivedAsync(SecondEditor, "【工作通讯】2023年第3期(总第66期)已发布");
        Assert.Contains("http://portal.test/issues/2023/3", published.TextBody);
        await ReceivedAsync(Editor, "【工作通讯】2023年第3期(总第66期)已发布");

        // Sent in order, so everything before the last one is in: who got what, exactly.
        Assert.Equal([Chief, Chief, Editor, Editor, SecondEditor], To("【工作通讯】待审稿件：《武宣县开展托育服务调研》"));
        Assert.Equal([Correspondent], To("【工作通讯】稿件《武宣县开展托育服务调研》已退回修改"));
        Assert.Equal([Correspondent], To("【工作通讯】稿件《武宣县开展托育服务调研》已采用"));
        Assert.Equal([Chief, Chief], To("【工作通讯】待审核：2023年第3期(总第66期)"));
        Assert.Equal([Editor], To("【工作通讯】2023年第3期(总第66期)已退回修改"));
        Assert.Equal([Editor, SecondEditor], To("【工作通讯】2023年第3期(总第66期)已发布"));
    }
}
