using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial;

/// <summary>One queue of work the signed-in user is waited on for.</summary>
public sealed record DeskQueue(string Title, string Explanation, IReadOnlyList<(string Label, string Url, string Note)> Items);

/// <summary>工作台: what waits on me, and on whom my own items wait.</summary>
[Authorize(Roles = Roles.Writers)]
public sealed class DeskController(NewsletterDbContext db) : Controller
{
    [HttpGet("/editorial")]
    public async Task<IActionResult> Index()
    {
        var actor = HttpContext.ToActor();
        var queues = new List<DeskQueue>();
        var mine = db.Articles.AsNoTracking().Where(a => a.CreatedById == actor.UserId);
        queues.Add(await ArticlesAsync(actor, "退回给我修改的稿件", "编辑退回了这些稿件，请按意见修改后重新提交。", mine.Where(a => a.Status == ArticleStatus.Returned), "按意见修改后重新提交"));
        queues.Add(await ArticlesAsync(actor, "我的草稿", "写完后点“提交审核”，编辑才会看到。", mine.Where(a => a.Status == ArticleStatus.Draft), "完成并提交"));
        if (actor.IsEditor)
        {
            // An editor's own submitted article is among 待审稿件, which waits on them: no queue tells them they wait on editors.
            var all = db.Articles.AsNoTracking();
            queues.Insert(0, await ArticlesAsync(actor, "待审稿件", "通讯员提交的稿件，等待您退回、修改或采用。", all.Where(a => a.Status == ArticleStatus.Submitted), "退回、修改或采用"));
            queues.Insert(1, await ArticlesAsync(actor, "已采用、待编入一期", "在“各期”里把它们编入栏目。", all.Where(a => a.Status == ArticleStatus.Accepted && a.IssueId == null), "编入一期"));
            queues.Insert(2, await IssuesAsync("正在编排的期", "等待编辑编排后提交总编辑审核。", IssueStatus.Draft, "组稿、编排后提交审核"));
        }
        else
        {
            queues.Add(await ArticlesAsync(actor, "我已提交、等待编辑审稿", "这些稿件等待编辑处理。", mine.Where(a => a.Status == ArticleStatus.Submitted), null));
        }

        if (actor.IsIn(Roles.ChiefEditor))
        {
            queues.Insert(0, await IssuesAsync("待我审核的期", "编辑已提交，等待您退回或审核通过。", IssueStatus.InReview, "退回或审核通过"));
            queues.Insert(1, await IssuesAsync("已审核、待发布的期", "完成保密审查后立即发布或定时发布。", IssueStatus.Approved, "保密审查后发布"));
            queues.Add(await IssuesAsync("定时发布的期", "到时由系统自动发布。", IssueStatus.Scheduled, null));
        }

        return View(queues);
    }

    /// <summary>
    /// A queue of articles. Where the queue waits on the viewer the note says 轮到您 and what to do — never “等待” with the
    /// viewer's own name or role, which read as if they were waiting on themselves.
    /// </summary>
    private static async Task<DeskQueue> ArticlesAsync(Actor actor, string title, string explanation, IQueryable<Article> query, string? yourTurn)
    {
        var items = await query.OrderBy(a => a.UpdatedAt).Take(50).ToListAsync();
        return new DeskQueue(title, explanation, items.Select(a =>
        {
            var author = a.CreatedById == actor.UserId ? "您的稿件" : a.CreatedByName ?? "未署名";
            return (a.Title, $"/editorial/articles/{a.Id}", $"{author} · " + (yourTurn is null ? "等待" + ArticleRules.WaitingOn(a) : "轮到您：" + yourTurn));
        }).ToList());
    }

    private async Task<DeskQueue> IssuesAsync(string title, string explanation, IssueStatus status, string? yourTurn)
    {
        var items = await db.Issues.AsNoTracking().Where(i => i.Status == status).OrderBy(i => i.Year).ThenBy(i => i.Number).ToListAsync();
        var note = yourTurn is null ? "等待" + IssueWorkflow.WaitingOn(status) : "轮到您：" + yourTurn;
        return new DeskQueue(title, explanation, items.Select(i => (i.FullLabel, $"/editorial/issues/{i.Id}", note)).ToList());
    }
}
