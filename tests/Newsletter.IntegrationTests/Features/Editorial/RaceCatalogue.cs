using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.Web.Domain;
using static Newsletter.IntegrationTests.Features.Editorial.RaceSteps;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>
/// The races of <see cref="SimultaneousActionTests"/>, by name: each arranges the issue or article it needs and returns
/// the two requests, the audit action that must be recorded once, and what else the winner writes.
/// </summary>
public sealed class RaceCatalogue(PortalFactory portal, HttpClient editorA, HttpClient editorB, HttpClient chiefA, HttpClient chiefB)
{
    public async Task<Race> ArrangeAsync(string race)
    {
        const string Note = "请补充活动时间和参加人数。";
        switch (race)
        {
            case "issue-submit":
            {
                var id = await IssueAsync(IssueStatus.Draft);
                return Both(editorA, editorB, c => c.IssueActionAsync(id, IssueAction.SubmitForReview), "提交总编辑审核") with { Outbox = 1 };
            }

            case "issue-return":
            {
                var id = await IssueAsync(IssueStatus.InReview);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Return, new() { ["Note"] = Note }), "退回修改") with { Comments = 1, Outbox = 1 };
            }

            case "issue-approve":
            {
                var id = await IssueAsync(IssueStatus.InReview);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Approve, new() { ["HitsReviewed"] = "true" }), "审核通过") with { Outbox = 1 };
            }

            case "issue-reopen":
            {
                var id = await IssueAsync(IssueStatus.Approved);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Reopen, new() { ["Note"] = Note }), "退回编辑") with { Comments = 1, Outbox = 1 };
            }

            case "issue-publish":
            {
                var id = await IssueAsync(IssueStatus.Approved);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true", ["SendEmail"] = "true" }), "立即发布")
                    with { Outbox = 1, Dispatches = 1, Then = async () => Assert.Equal(IssueStatus.Published, (await portal.IssueAsync(id)).Status) };
            }

            case "issue-schedule":
            {
                var id = await IssueAsync(IssueStatus.Approved);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Schedule, Schedule()), "定时发布") with { Outbox = 1 };
            }

            case "issue-unschedule":
            {
                var id = await IssueAsync(IssueStatus.Scheduled);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Unschedule), "取消定时") with { Outbox = 1 };
            }

            case "issue-withdraw":
            {
                var id = await IssueAsync(IssueStatus.Published);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Withdraw, new() { ["Note"] = "数据有误，核实后重发。" }), "撤回") with { Comments = 1, Outbox = 1 };
            }

            case "issue-republish":
            {
                var id = await IssueAsync(IssueStatus.Withdrawn);
                return Both(chiefA, chiefB, c => c.IssueActionAsync(id, IssueAction.Republish), "重新发布") with { Outbox = 1 };
            }

            case "place-one-article-into-two-issues":
            {
                var three = await NewIssueAsync(3);
                var four = await NewIssueAsync(4);
                var article = await AcceptedArticleAsync("两期都想编入的稿件");
                return new Race(() => PlaceAsync(editorA, four, article), () => PlaceAsync(editorB, three, article), "编入稿件")
                {
                    Then = async () => Assert.Equal(three, await portal.ArticleAsync(article, a => a.IssueId)),
                };
            }

            case "place-while-the-issue-is-submitted":
            {
                var id = await IssueAsync(IssueStatus.Draft);
                var article = await AcceptedArticleAsync("提交审核时才编入的稿件");
                return new Race(() => PlaceAsync(editorA, id, article), () => editorB.IssueActionAsync(id, IssueAction.SubmitForReview), "提交总编辑审核", "编入稿件")
                {
                    Outbox = 1,
                    Then = async () => Assert.Null(await portal.ArticleAsync(article, a => a.IssueId)),
                };
            }

            case "place-while-the-issue-is-published":
            {
                var id = await IssueAsync(IssueStatus.Approved);
                var article = await AcceptedArticleAsync("发布时才编入的稿件");
                var publish = new Dictionary<string, string> { ["ConfidentialityConfirmed"] = "true", ["SendEmail"] = "true" };
                return new Race(() => PlaceAsync(chiefA, id, article), () => chiefB.IssueActionAsync(id, IssueAction.Publish, publish), "立即发布", "编入稿件")
                {
                    Outbox = 1, Dispatches = 1,
                    Then = async () => Assert.Null(await portal.ArticleAsync(article, a => a.IssueId)),
                };
            }

            case "remove-twice":
            {
                var id = await IssueAsync(IssueStatus.Draft);
                var article = await FirstArticleAsync(id);
                return Both(editorA, editorB, c => Post(c, $"/editorial/issues/{id}", $"/editorial/issues/{id}/remove", ("articleId", article)), "移出稿件");
            }

            case "remove-the-last-article-while-the-issue-is-submitted":
            {
                var id = await IssueAsync(IssueStatus.Draft);
                var article = await FirstArticleAsync(id);
                return new Race(() => Post(editorA, $"/editorial/issues/{id}", $"/editorial/issues/{id}/remove", ("articleId", article)),
                    () => editorB.IssueActionAsync(id, IssueAction.SubmitForReview), "提交总编辑审核", "移出稿件")
                {
                    Outbox = 1,
                    Then = async () => Assert.Equal(id, await portal.ArticleAsync(article, a => a.IssueId)),
                };
            }

            case "move-twice":
            {
                var id = await IssueAsync(IssueStatus.Draft);
                var first = await FirstArticleAsync(id);
                var second = await AcceptedArticleAsync("第二篇简讯");
                Redirected(await PlaceAsync(editorA, id, second));
                return Both(editorA, editorB, c => Post(c, $"/editorial/issues/{id}", $"/editorial/issues/{id}/move", ("articleId", second), ("delta", -1)), "调整顺序") with
                {
                    Then = async () => Assert.Equal([(second, 1), (first, 2)], await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == id)
                        .OrderBy(a => a.Position).Select(a => ValueTuple.Create(a.Id, a.Position)).ToListAsync())),
                };
            }

            case "article-submit":
            {
                var article = await editorA.WriteArticleAsync("两人同时提交的稿件", "正文。");
                return Both(editorA, editorB, c => c.ArticleActionAsync(article, ArticleAction.Submit), "提交审核");
            }

            case "article-return":
            {
                var article = await SubmittedArticleAsync();
                return Both(editorA, editorB, c => c.ArticleActionAsync(article, ArticleAction.Return, Note), "退回修改") with { Comments = 1 };
            }

            case "article-accept":
            {
                var article = await SubmittedArticleAsync();
                return Both(editorA, editorB, c => c.ArticleActionAsync(article, ArticleAction.Accept), "采用");
            }

            case "article-reopen":
            {
                var article = await AcceptedArticleAsync("两人同时撤销采用的稿件");
                return Both(editorA, editorB, c => c.ArticleActionAsync(article, ArticleAction.Reopen), "撤销采用");
            }

            case "article-reopen-while-it-is-placed":
            {
                var id = await NewIssueAsync(3);
                var article = await AcceptedArticleAsync("撤销采用时被编入的稿件");
                return new Race(() => editorA.ArticleActionAsync(article, ArticleAction.Reopen), () => PlaceAsync(editorB, id, article), "编入稿件", "撤销采用")
                {
                    Then = async () => Assert.Equal((id, ArticleStatus.Accepted), await portal.ArticleAsync(article, a => (a.IssueId, a.Status))),
                };
            }

            case "article-edit":
            {
                var article = await editorA.WriteArticleAsync("两人同时修改的稿件", "原文。");
                var version = await portal.ArticleAsync(article, a => a.Version);
                return new Race(() => Edit(editorA, article, "edit", version, "两人同时修改的稿件", "原文。甲补充。"), () => Edit(editorB, article, "edit", version, "两人同时修改的稿件", "原文。乙补充。"), "修改稿件") { Revisions = 1 };
            }

            case "article-restore":
            {
                var article = await editorA.WriteArticleAsync("两人同时恢复的稿件", "第一版。");
                Redirected(await Edit(editorA, article, "edit", await portal.ArticleAsync(article, a => a.Version), "两人同时恢复的稿件", "第二版。"));
                return Both(editorA, editorB, c => Post(c, $"/editorial/articles/{article}/history", $"/editorial/articles/{article}/restore", ("number", 1)), "恢复版本") with { Revisions = 1 };
            }

            case "article-correct":
            {
                var article = await portal.WithDbAsync(db => db.Articles.Where(a => a.Title == "姚瑛到广西调研计生协工作").Select(a => a.Id).SingleAsync());
                var version = await portal.ArticleAsync(article, a => a.Version);
                return new Race(() => Edit(editorA, article, "correct", version, "姚瑛到广西调研计生协工作", "甲更正后的正文。", "甲的更正说明。"),
                    () => Edit(editorB, article, "correct", version, "姚瑛到广西调研计生协工作", "乙更正后的正文。", "乙的更正说明。"), "更正") { Revisions = 1, Corrections = 1, Outbox = 1 };
            }

            case "issue-create-with-the-same-number":
            {
                return Both(editorA, editorB, c => c.PostFormAsync("/editorial/issues/new", "/editorial/issues/new", new()
                {
                    ["Year"] = "2023", ["Number"] = "7", ["SerialNumber"] = "70", ["CoverMonth"] = "9",
                    ["ChiefEditor"] = "尹 红", ["Editor"] = "潘绍先", ["ResponsibleEditor"] = "黄玉鹏", ["PrintDate"] = "2023-09-08", ["Copies"] = "300",
                }), "新建一期") with
                {
                    Then = async () => Assert.Equal(1, await portal.WithDbAsync(db => db.Issues.CountAsync(i => i.Year == 2023 && i.Number == 7))),
                };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(race), race, null);
        }
    }

    /// <summary>The same action by two people: the first client's request is the one that finds it already done.</summary>
    private static Race Both(HttpClient first, HttpClient second, Func<HttpClient, Task<HttpResponseMessage>> action, string label) =>
        new(() => action(first), () => action(second), label);

    private async Task<int> IssueAsync(IssueStatus status)
    {
        var id = await NewIssueAsync(3);
        Redirected(await PlaceAsync(editorA, id, await AcceptedArticleAsync("叠彩区开展暖心家园活动")));
        foreach (var (reached, step) in new (IssueStatus, Func<Task<HttpResponseMessage>>)[]
        {
            (IssueStatus.InReview, () => editorA.IssueActionAsync(id, IssueAction.SubmitForReview)),
            (IssueStatus.Approved, () => chiefA.IssueActionAsync(id, IssueAction.Approve, new() { ["HitsReviewed"] = "true" })),
            (IssueStatus.Scheduled, () => chiefA.IssueActionAsync(id, IssueAction.Schedule, Schedule())),
            (IssueStatus.Published, () => chiefA.IssueActionAsync(id, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true", ["SendEmail"] = "false" })),
            (IssueStatus.Withdrawn, () => chiefA.IssueActionAsync(id, IssueAction.Withdraw, new() { ["Note"] = "数据有误，核实后重发。" })),
        })
        {
            if ((await portal.IssueAsync(id)).Status == status)
            {
                break;
            }

            if (reached != IssueStatus.Scheduled || status == IssueStatus.Scheduled)
            {
                Redirected(await step());
            }
        }

        Assert.Equal(status, (await portal.IssueAsync(id)).Status);
        return id;
    }

    private async Task<int> NewIssueAsync(int number) => EditorialSteps.IdFrom(await editorA.PostFormAsync("/editorial/issues/new", "/editorial/issues/new",
        new() { ["Year"] = "2023", ["Number"] = number.ToString(), ["SerialNumber"] = (63 + number).ToString(), ["CoverMonth"] = "6" }));

    private async Task<int> AcceptedArticleAsync(string title)
    {
        var id = await editorA.WriteArticleAsync(title, "3月31日，叠彩区计生协组织特殊家庭开展活动。");
        Redirected(await editorA.ArticleActionAsync(id, ArticleAction.Accept));
        return id;
    }

    private async Task<int> SubmittedArticleAsync()
    {
        var id = await editorA.WriteArticleAsync("两人同时审的稿件", "正文。");
        Redirected(await editorA.ArticleActionAsync(id, ArticleAction.Submit));
        return id;
    }

    private Task<int> FirstArticleAsync(int issueId) => portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).FirstAsync());
}
