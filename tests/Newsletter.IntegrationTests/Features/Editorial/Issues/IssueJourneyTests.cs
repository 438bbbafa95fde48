using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Issues;

/// <summary>An editor composes an issue; the chief editor checks it and publishes it.</summary>
public sealed class IssueJourneyTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>An editor writes and accepts a brief, creates 2023年第3期(总第66期) and places the brief in it.</summary>
    private async Task<(HttpClient Editor, int IssueId, int ArticleId)> ComposeAsync(string body = "3月31日，叠彩区计生协会组织特殊家庭开展活动。")
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync("叠彩区开展暖心家园活动", body);
        await editor.ArticleActionAsync(articleId, ArticleAction.Accept);
        var created = await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new", new()
        {
            ["Year"] = "2023", ["Number"] = "3", ["SerialNumber"] = "66", ["CoverMonth"] = "6",
            ["ChiefEditor"] = "尹 红", ["Editor"] = "潘绍先", ["ResponsibleEditor"] = "黄玉鹏", ["PrintDate"] = "2023-06-08", ["Copies"] = "300",
        });
        var issueId = EditorialSteps.IdFrom(created);
        var placed = await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place",
            new() { ["articleId"] = articleId.ToString(), ["sectionId"] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        return (editor, issueId, articleId);
    }

    [Fact]
    public async Task New_issue_form_suggests_the_next_numbers_and_refuses_duplicates()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var form = await Html.ParseAsync(await editor.GetStringAsync("/editorial/issues/new?year=2023"));
        Assert.Equal("3", form.QuerySelector("#Number")!.GetAttribute("value"));
        Assert.Equal("66", form.QuerySelector("#SerialNumber")!.GetAttribute("value"));
        var supplement = await Html.ParseAsync(await editor.GetStringAsync("/editorial/issues/new?year=2023&supplement=true"));
        Assert.Equal("1", supplement.QuerySelector("#Number")!.GetAttribute("value"));
        Assert.Equal("", supplement.QuerySelector("#SerialNumber")!.GetAttribute("value") ?? "");

        var before = await portal.WithDbAsync(db => db.Issues.CountAsync());
        var sameNumber = await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "2", ["SerialNumber"] = "70", ["CoverMonth"] = "5" });
        Assert.Equal(HttpStatusCode.OK, sameNumber.StatusCode);
        Assert.Contains("2023年第2期已存在", await sameNumber.Content.ReadAsStringAsync());
        var sameSerial = await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "9", ["SerialNumber"] = "65", ["CoverMonth"] = "5" });
        Assert.Contains("总第65期已被2023年第2期(总第65期)使用", await sameSerial.Content.ReadAsStringAsync());
        Assert.Equal(before, await portal.WithDbAsync(db => db.Issues.CountAsync()));

        var garbage = await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "二〇二三", ["Number"] = "3", ["CoverMonth"] = "13", ["ChiefEditor"] = new string('尹', 51) });
        var garbagePage = await garbage.Content.ReadAsStringAsync();
        Assert.Contains("“二〇二三”不是有效的年份。", garbagePage);
        Assert.Contains("月份应在 1 到 12 之间。", garbagePage);
        Assert.Contains("总编辑不能超过 50 个字。", garbagePage);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Issues.CountAsync()));

        var zengkan = await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
            new() { ["Year"] = "2023", ["Number"] = "2", ["IsSupplement"] = "true", ["CoverMonth"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, zengkan.StatusCode);
        Assert.Equal("2023年增刊第2期", (await portal.IssueAsync(EditorialSteps.IdFrom(zengkan))).FullLabel);
    }

    [Fact]
    public async Task Chief_editor_reviews_hits_confirms_confidentiality_and_publishes()
    {
        await portal.WithDbAsync(async db =>
        {
            db.SensitiveWords.Add(new SensitiveWord { Word = "计生协会", Suggestion = "计划生育协会" });
            return await db.SaveChangesAsync();
        });
        var (editor, issueId, articleId) = await ComposeAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.IssueActionAsync(issueId, IssueAction.Approve)).StatusCode);

        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        Assert.Contains("待我审核的期", await chief.GetStringAsync("/editorial"));
        var page = await Html.ParseAsync(await chief.GetStringAsync($"/editorial/issues/{issueId}"));
        var hit = Assert.Single(page.QuerySelectorAll("li.hit"));
        Assert.Contains("叠彩区<mark>计生协会</mark>组织", hit.InnerHtml);
        Assert.Contains("建议改为“计划生育协会”", hit.TextContent);

        var unchecked_ = await chief.IssueActionAsync(issueId, IssueAction.Approve);
        Assert.Equal(HttpStatusCode.BadRequest, unchecked_.StatusCode);
        Assert.Contains("本期有 1 处错敏词提示", await unchecked_.Content.ReadAsStringAsync());
        Assert.Equal(IssueStatus.InReview, (await portal.IssueAsync(issueId)).Status);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });

        var unconfirmed = await chief.IssueActionAsync(issueId, IssueAction.Publish);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("保密审查", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(IssueStatus.Approved, (await portal.IssueAsync(issueId)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" })).StatusCode);
        var issue = await portal.IssueAsync(issueId);
        Assert.Equal(IssueStatus.Published, issue.Status);
        Assert.Equal("总编辑甲", issue.ConfidentialityReviewedBy);
        Assert.NotNull(issue.ConfidentialityReviewedAt);

        var reader = portal.CreateClient();
        var home = await Html.ParseAsync(await reader.GetStringAsync("/"));
        Assert.Equal("第3期(总第66期)", home.QuerySelector(".masthead-number")!.TextContent);
        Assert.Contains("叠彩区开展暖心家园活动", await reader.GetStringAsync("/issues/2023/3"));

        var audit = await portal.AuditAsync(nameof(Issue), issueId);
        Assert.Equal(["新建一期", "编入稿件", "提交总编辑审核", "审核通过", "立即发布"], audit.Select(e => e.Action));
        var publish = audit[^1];
        Assert.Equal(("已审核", "已发布", "总编辑甲"), (publish.FromStatus, publish.ToStatus, publish.UserName));
        Assert.Contains("保密审查：总编辑甲", publish.Detail);
    }

    [Fact]
    public async Task Withdrawn_issue_shows_its_reason_to_readers()
    {
        var (editor, issueId, articleId) = await ComposeAsync();
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
        await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" });

        var noReason = await chief.IssueActionAsync(issueId, IssueAction.Withdraw);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await chief.IssueActionAsync(issueId, IssueAction.Withdraw, new() { ["Note"] = "数据有误，核实后重发。" });

        var reader = portal.CreateClient();
        foreach (var url in new[] { "/issues/2023/3", $"/articles/{articleId}" })
        {
            var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Contains("撤回原因：</strong>数据有误，核实后重发。", await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("第2期(总第65期)", await reader.GetStringAsync("/"));
    }

    /// <summary>The reason is kept in a column of 500 characters: a longer one was stored on SQLite and refused by SQL Server.</summary>
    [Fact]
    public async Task A_withdrawal_reason_over_500_characters_is_refused_and_the_issue_stays_published()
    {
        var issueId = await portal.WithDbAsync(db => db.Issues.Where(i => i.Year == 2023 && i.Number == 2).Select(i => i.Id).SingleAsync());
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);

        var response = await chief.IssueActionAsync(issueId, IssueAction.Withdraw, new() { ["Note"] = new string('误', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“撤回”的说明不能超过 500 字（现有 501 字）。", await response.Content.ReadAsStringAsync());
        Assert.Equal(IssueStatus.Published, (await portal.IssueAsync(issueId)).Status);
        Assert.Equal(0, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "撤回")));
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/issues/2023/2")).StatusCode);
    }

    [Fact]
    public async Task Correction_to_a_published_article_is_shown_with_its_date()
    {
        var seedArticle = await portal.WithDbAsync(db => db.Articles.Where(a => a.Title == "姚瑛到广西调研计生协工作").Select(a => a.Id).SingleAsync());
        var editor = await portal.SignedInAsync(Roles.Editor);
        var editPage = await editor.GetAsync($"/editorial/articles/{seedArticle}/edit");
        Assert.Equal(HttpStatusCode.Redirect, editPage.StatusCode);

        var body = await portal.ArticleAsync(seedArticle, a => a.Body);
        var corrected = await editor.PostFormAsync($"/editorial/articles/{seedArticle}/correct", $"/editorial/articles/{seedArticle}/correct", new()
        {
            ["Title"] = "姚瑛到广西调研计生协工作", ["Body"] = body.Replace("4月19日—21日", "4月19日至21日"), ["SectionId"] = "1",
            ["Version"] = (await portal.ArticleAsync(seedArticle, a => a.Version)).ToString(), ["note"] = "调研日期写法更正为“4月19日至21日”。",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var page = await Html.ParseAsync(await portal.CreateClient().GetStringAsync($"/articles/{seedArticle}"));
        Assert.Contains("4月19日至21日", page.QuerySelector(".article-body")!.TextContent);
        var note = page.QuerySelector("#corrections-heading")!.ParentElement!.TextContent;
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日更正：调研日期写法更正为“4月19日至21日”。", note);
        Assert.Contains(await portal.AuditAsync(nameof(Article), seedArticle), e => e.Action == "更正");
    }

    [Fact]
    public async Task Editors_cannot_change_an_issue_under_review_and_crafted_posts_change_nothing()
    {
        var (editor, issueId, articleId) = await ComposeAsync();
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var remove = await editor.PostFormAsync("/editorial", $"/editorial/issues/{issueId}/remove", new() { ["articleId"] = articleId.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(issueId, await portal.ArticleAsync(articleId, a => a.IssueId));

        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        var systemOnly = await chief.IssueActionAsync(issueId, IssueAction.PublishDue);
        Assert.Equal(HttpStatusCode.BadRequest, systemOnly.StatusCode);
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var notAllowed = await correspondent.PostFormAsync("/editorial", $"/editorial/issues/{issueId}/transition", new() { ["Action"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, notAllowed.StatusCode);
        Assert.StartsWith("/account/denied", notAllowed.Headers.Location!.AbsolutePath);
        Assert.Equal(IssueStatus.InReview, (await portal.IssueAsync(issueId)).Status);
    }
}
