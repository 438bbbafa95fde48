using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

/// <summary>
/// The number beside 管理 (and 单位) in the administrators' menu: organisations still in a 送/发 list that no address of theirs
/// reaches any more, so that someone arranges a new contact. Nothing when there are none. In Shared because the layout shows it
/// (the layout depending on Admin/Organizations would tie the feature folders into a cycle).
/// </summary>
public sealed class AddressAlertBadgeViewComponent(NewsletterDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await WithoutAddress(db).CountAsync();
        return new HtmlContentViewComponentResult(count == 0
            ? HtmlString.Empty
            : new HtmlString($"<span class=\"badge rounded-pill text-bg-danger ms-1\" data-address-badge>{count}<span class=\"visually-hidden\">个单位没有可用的接收邮箱</span></span>"));
    }

    /// <summary>Active organisations in an active 送/发 membership that had addresses but none receives now (all 已退订, 退信停发 or removed).</summary>
    public static IQueryable<Organization> WithoutAddress(NewsletterDbContext db) =>
        db.Organizations.AsNoTracking().Where(o => o.IsActive
            && o.Memberships.Any(m => m.Status == MembershipStatus.Active)
            && o.Contacts.Any()
            && !o.Contacts.Any(c => c.IsActive && c.UnsubscribedAt == null && c.StoppedAt == null));
}
