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
        queues.Add(await ArticlesAsync("退回给我修改的稿件", "编辑退回了这些稿件，请按意见修改后重新提交。", mine.Where(a => a.Status == ArticleStatus.Returned)));
        queues.Add(await ArticlesAsync("我的草稿", "写完后点“提交审核”，编辑才会看到。", mine.Where(a => a.Status == ArticleStatus.Draft)));
        queues.Add(await ArticlesAsync("我已提交、等待编辑审稿", "这些稿件等待编辑处理。", mine.Where(a => a.Status == ArticleStatus.Submitted)));
        if (actor.IsEditor)
        {
            var all = db.Articles.AsNoTracking();
            queues.Insert(0, await ArticlesAsync("待审稿件", "通讯员提交的稿件，等待您退回、修改或采用。", all.Where(a => a.Status == ArticleStatus.Submitted)));
            queues.Insert(1, await ArticlesAsync("已采用、待编入一期", "在“各期”里把它们编入栏目。", all.Where(a => a.Status == ArticleStatus.Accepted && a.IssueId == null)));
            queues.Insert(2, await IssuesAsync("正在编排的期", "等待编辑编排后提交总编辑审核。", IssueStatus.Draft));
        }

        if (actor.IsIn(Roles.ChiefEditor))
        {
            queues.Insert(0, await IssuesAsync("待我审核的期", "编辑已提交，等待您退回或审核通过。", IssueStatus.InReview));
            queues.Insert(1, await IssuesAsync("已审核、待发布的期", "完成保密审查后立即发布或定时发布。", IssueStatus.Approved));
            queues.Add(await IssuesAsync("定时发布的期", "到时由系统自动发布。", IssueStatus.Scheduled));
        }

        return View(queues);
    }

    private static async Task<DeskQueue> ArticlesAsync(string title, string explanation, IQueryable<Article> query)
    {
        var items = await query.OrderBy(a => a.UpdatedAt).Take(50).ToListAsync();
        return new DeskQueue(title, explanation, items.Select(a => (a.Title, $"/editorial/articles/{a.Id}", $"{a.CreatedByName} · 等待{ArticleRules.WaitingOn(a)}")).ToList());
    }

    private async Task<DeskQueue> IssuesAsync(string title, string explanation, IssueStatus status)
    {
        var items = await db.Issues.AsNoTracking().Where(i => i.Status == status).OrderBy(i => i.Year).ThenBy(i => i.Number).ToListAsync();
        return new DeskQueue(title, explanation, items.Select(i => (i.FullLabel, $"/editorial/issues/{i.Id}", "等待" + IssueWorkflow.WaitingOn(i.Status))).ToList());
    }
}
