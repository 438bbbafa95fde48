using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial;

/// <summary>
/// The number beside 工作台 in the menu: the items that wait on the signed-in person — articles returned to them; for
/// editors, articles submitted for review; for chief editors, issues to review and to publish. Nothing when none wait.
/// </summary>
public sealed class DeskBadgeViewComponent(NewsletterDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await WaitingAsync(HttpContext.ToActor(), db);
        return new HtmlContentViewComponentResult(count == 0
            ? HtmlString.Empty
            : new HtmlString($"<span class=\"badge rounded-pill text-bg-danger ms-1\" data-desk-badge>{count}<span class=\"visually-hidden\">项等待您处理</span></span>"));
    }

    public static async Task<int> WaitingAsync(Actor actor, NewsletterDbContext db)
    {
        var articles = db.Articles.AsNoTracking();
        var count = await articles.CountAsync(a => a.CreatedById == actor.UserId && a.Status == ArticleStatus.Returned);
        if (actor.IsEditor)
        {
            count += await articles.CountAsync(a => a.Status == ArticleStatus.Submitted && a.CreatedById != actor.UserId);
        }

        if (actor.IsIn(Roles.ChiefEditor))
        {
            count += await db.Issues.AsNoTracking().CountAsync(i => i.Status == IssueStatus.InReview || i.Status == IssueStatus.Approved);
        }

        return count;
    }
}
