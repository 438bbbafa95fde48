using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// Printed history is kept: a back issue imported through the page and published keeps its printed footer and date and
/// mails no one; imported articles keep their printed wording as revision 1, also those stored before imports kept one.
/// </summary>
public sealed class BackIssueTests : IAsyncDisposable
{
    private const string PrintedSendTo = "有关领导、中国计生协各部室、自治区卫生健康委、自治区计生协会会长、副会长。";
    private const string PrintedDistributeTo = "各市、县（市、区）计划生育协会。";

    private readonly TestSmtpServer smtp = new();
    private readonly PortalFactory portal;

    public BackIssueTests() => portal = new PortalFactory { Settings = DistributionFixture.SmtpSettings(smtp) };

    public async ValueTask DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    /// <summary>The seed's text as another printed issue, 2023年第{number}期(总第{serial}期), uploaded by an editor on the import page.</summary>
    private async Task<int> ImportDraftAsync(HttpClient editor, int number, int serial)
    {
        var text = SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{number}期(总第{serial}期)");
        var response = await ImportPageTests.UploadAsync(editor, Encoding.UTF8.GetBytes(text), $"工作通讯2023年第{number}期.txt");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDbAsync(db => db.Issues.Where(i => i.SerialNumber == serial).Select(i => i.Id).SingleAsync());
    }

    [Fact]
    public async Task Published_back_issue_keeps_its_printed_footer_and_date_and_creates_no_dispatch()
    {
        // Today's lists differ from the printed ones: a first publication would print and mail these.
        await portal.AddAsync("今天的送阅单位", DistributionGroup.Send, "today-send@gxjsx.test");
        await portal.AddAsync("今天的发放单位", DistributionGroup.Distribute, "today-distribute@gxjsx.test");
        var editor = await portal.SignedInAsync(Roles.Editor);
        var issueId = await ImportDraftAsync(editor, 4, 67);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview)).StatusCode);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" })).StatusCode);
        var compose = await chief.GetPageAsync($"/editorial/issues/{issueId}");
        var notice = compose.Document.QuerySelector("[data-back-issue]")!.TextContent;
        Assert.Contains("这是导入的往期刊物，发布后只进入档案，不会发送邮件", notice);
        Assert.Contains("2023年5月6日", notice);
        Assert.Null(compose.Document.QuerySelector("input[type=checkbox][name=SendEmail]"));
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["往期的编排页"] = compose.Body }));

        // Even a crafted post asking for mail publishes to the archive only.
        var publish = await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true", ["SendEmail"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var issue = await portal.IssueAsync(issueId);
        Assert.Equal(IssueStatus.Published, issue.Status);
        Assert.Equal((PrintedSendTo, PrintedDistributeTo), (issue.SendTo, issue.DistributeTo));
        Assert.Equal(("尹 红", "潘绍先", "黄玉鹏"), (issue.ChiefEditor, issue.Editor, issue.ResponsibleEditor));
        Assert.Equal(new DateOnly(2023, 5, 6), issue.PrintDate);
        Assert.Equal(new DateTime(2023, 5, 5, 16, 0, 0), issue.PublishedAt);
        Assert.False(issue.SendOnPublish);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Dispatches.CountAsync(d => d.IssueId == issueId)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.DispatchRecipients.CountAsync()));

        var page = await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2023/4"));
        var footer = page.QuerySelector(".issue-footer")!.TextContent;
        Assert.Contains(PrintedSendTo, footer);
        Assert.Contains(PrintedDistributeTo, footer);
        Assert.DoesNotContain("今天的", footer);
        var print = (await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2023/4/print"))).QuerySelector(".bf-footer")!.TextContent;
        foreach (var expected in new[] { "总编辑：尹 红", "编辑：潘绍先", "责任编辑：黄玉鹏", "有关领导、中国计生协各部室", PrintedDistributeTo, "2023年5月6日印发" })
        {
            Assert.Contains(expected, print);
        }

        Assert.DoesNotContain("今天的", print);

        // An issue composed in the portal still goes to today's lists; once its mail is delivered, the worker has run
        // and the server holds only that issue's messages.
        await portal.PublishNewIssueAsync("正文。");
        var recipients = await portal.WaitForAsync(r => r.Count == 2 && r.All(x => x.Status == DeliveryStatus.Sent));
        Assert.Equal(2, recipients.Count);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.All(smtp.Messages, m => Assert.Equal("工作通讯 2023年第3期(总第66期)", m.Subject));
    }

    [Fact]
    public async Task Imported_article_has_its_printed_text_as_revision_1_and_an_edit_is_revision_2()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var issueId = await ImportDraftAsync(editor, 5, 68);
        var article = await portal.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.IssueId == issueId && a.Title == "姚瑛到广西调研计生协工作"));
        var first = Assert.Single(await RevisionsAsync(article.Id));
        Assert.Equal((1, ArticleRevision.ImportedNote, article.Title, article.Body), (first.Number, first.Note, first.Title, first.Body));
        Assert.Contains("4月19日—21日", first.Body);
        Assert.Equal(15, await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.Number == 1 && db.Articles.Any(a => a.Id == r.ArticleId && a.IssueId == issueId))));

        var saved = await editor.PostFormAsync($"/editorial/articles/{article.Id}/edit", $"/editorial/articles/{article.Id}/edit", new()
        {
            ["Title"] = article.Title, ["Body"] = article.Body.Replace("4月19日—21日", "4月19日至21日"), ["SectionId"] = article.SectionId.ToString()!,
            ["Version"] = article.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal([2, 1], (await RevisionsAsync(article.Id)).Select(r => r.Number));
        await AssertHistoryKeepsThePrintedWordingAsync(editor, article.Id, "4月19日至21日");
    }

    [Fact]
    public async Task Seed_articles_have_revision_1_and_one_stored_without_it_gets_it_before_its_first_correction()
    {
        var seed = await portal.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Issue!.SerialNumber == 65).ToListAsync());
        Assert.Equal(15, seed.Count);
        var seedIds = seed.Select(a => a.Id).ToList();
        Assert.Equal(15, await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => seedIds.Contains(r.ArticleId) && r.Number == 1 && r.Note == ArticleRevision.ImportedNote)));

        // A database from before imports kept revision 1: this article has none.
        var article = seed.Single(a => a.Title == "姚瑛到广西调研计生协工作");
        await portal.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == article.Id).ExecuteDeleteAsync());
        var editor = await portal.SignedInAsync(Roles.Editor);
        var corrected = await editor.PostFormAsync($"/editorial/articles/{article.Id}/correct", $"/editorial/articles/{article.Id}/correct", new()
        {
            ["Title"] = article.Title, ["Body"] = article.Body.Replace("4月19日—21日", "4月19日至21日"), ["SectionId"] = article.SectionId.ToString()!,
            ["Version"] = article.Version.ToString(), ["note"] = "调研日期写法更正为“4月19日至21日”。",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var revisions = await RevisionsAsync(article.Id);
        Assert.Equal([2, 1], revisions.Select(r => r.Number));
        Assert.Equal((ArticleRevision.ImportedNote, article.Body), (revisions[1].Note, revisions[1].Body));
        Assert.Equal("更正：调研日期写法更正为“4月19日至21日”。", revisions[0].Note);
        await AssertHistoryKeepsThePrintedWordingAsync(editor, article.Id, "4月19日至21日");
    }

    private Task<List<ArticleRevision>> RevisionsAsync(int articleId) =>
        portal.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number).ToListAsync());

    /// <summary>The history page lists revision 1 as 导入的原文, and the diff of 1 and 2 shows the printed and the new wording.</summary>
    private static async Task AssertHistoryKeepsThePrintedWordingAsync(HttpClient editor, int articleId, string newWording)
    {
        var history = await editor.GetPageAsync($"/editorial/articles/{articleId}/history");
        Assert.Equal(HttpStatusCode.OK, history.Response.StatusCode);
        Assert.Contains(ArticleRevision.ImportedNote, history.Body);

        var diff = await editor.GetPageAsync($"/editorial/articles/{articleId}/diff?from=1&to=2");
        Assert.Equal(HttpStatusCode.OK, diff.Response.StatusCode);
        var text = diff.Document.Body!.TextContent;
        Assert.Contains("4月19日—21日", text);
        Assert.Contains(newWording, text);
        Assert.NotEmpty(diff.Document.QuerySelectorAll(".diff-del, .diff-mod"));
    }
}
