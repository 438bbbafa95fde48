using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>
/// The number beside 管理 (and 单位) in the administrators' menu: organisations still in a 送/发 list that no address of theirs
/// reaches any more, so that someone arranges a new contact. Nothing when there are none.
/// </summary>
public sealed class AddressAlertBadgeViewComponent(NewsletterDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await ContactSubscriptions.WithoutAddress(db).CountAsync();
        return new HtmlContentViewComponentResult(count == 0
            ? HtmlString.Empty
            : new HtmlString($"<span class=\"badge rounded-pill text-bg-danger ms-1\" data-address-badge>{count}<span class=\"visually-hidden\">个单位没有可用的接收邮箱</span></span>"));
    }
}
