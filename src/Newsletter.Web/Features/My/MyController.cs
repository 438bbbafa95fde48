using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Statistics;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.My;

/// <summary>
/// 本单位: a 会员单位 account's own organisation — its addresses (kept by the account within the limit the
/// administrator sets) and its contributions. The organisation always comes from the account, never from the URL.
/// </summary>
[Authorize(Roles = Roles.Member)]
[Route("my")]
public sealed class MyController(MemberContacts contacts, NewsletterDbContext db) : Controller
{
    [HttpGet("organization")]
    public async Task<IActionResult> Organization(CancellationToken ct) =>
        View(new MyOrganizationPage(await OwnAsync(ct), new MemberContactForm(), null));

    [HttpPost("organization/contacts")]
    public Task<IActionResult> Add(MemberContactForm form, CancellationToken ct) =>
        ChangeAsync(form, "已添加邮箱。", o => contacts.AddAsync(o, form, HttpContext.ToActor(), ct), ct);

    [HttpPost("organization/contacts/{contactId:int}/edit")]
    public Task<IActionResult> Correct(int contactId, MemberContactForm form, CancellationToken ct) =>
        ChangeAsync(form, "已修改邮箱。", o => contacts.CorrectAsync(o, contactId, form, HttpContext.ToActor(), ct), ct);

    [HttpPost("organization/contacts/{contactId:int}/remove")]
    public Task<IActionResult> Remove(int contactId, CancellationToken ct)
    {
        ModelState.Clear();
        return ChangeAsync(new MemberContactForm(), "已删除邮箱（记录保留）。", o => contacts.RemoveAsync(o, contactId, HttpContext.ToActor(), ct), ct);
    }

    /// <summary>?year=2023; without it, the latest year that has a published issue.</summary>
    [HttpGet("contributions")]
    public async Task<IActionResult> Contributions(int? year, CancellationToken ct)
    {
        var organization = await OwnAsync(ct);
        var years = await ContributionStatistics.YearsAsync(db, ct);
        int? chosen = ModelState.IsValid && year is not null ? year : years.Count > 0 ? years[0] : null;
        if (organization is null || chosen is not { } y)
        {
            return View(new MyContributionsPage(organization, years, chosen, null, []));
        }

        var (row, items) = await ContributionStatistics.ForOrganizationAsync(db, organization.Id, y, ct);
        return View(new MyContributionsPage(organization, years, chosen, row, items));
    }

    /// <summary>本单位接收记录: what the portal sent to this organisation's addresses (the administrators' 接收记录, without dispatch links).</summary>
    [HttpGet("deliveries")]
    public async Task<IActionResult> Deliveries([FromServices] Admin.Organizations.DeliveryHistory history, CancellationToken ct) =>
        View(await OwnAsync(ct) is { } organization ? (await history.ForAsync(organization.Id, ct))! with { LinkDispatches = false } : null);

    private Task<Domain.Organization?> OwnAsync(CancellationToken ct) =>
        contacts.OrganizationOfAsync(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, ct);

    /// <summary>Post/redirect/get: the change done, or the page again with why not (404 for an address not of this organisation).</summary>
    private async Task<IActionResult> ChangeAsync(MemberContactForm form, string done, Func<Domain.Organization, Task<Outcome>> change, CancellationToken ct)
    {
        if (await OwnAsync(ct) is not { } organization)
        {
            return View(nameof(Organization), new MyOrganizationPage(null, form, null));
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Organization), new MyOrganizationPage(organization, form, null));
        }

        var outcome = await change(organization);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return this.NotFoundPage(outcome.Message!);
        }

        if (!outcome.Succeeded)
        {
            return View(nameof(Organization), new MyOrganizationPage(await OwnAsync(ct), form, outcome.Message));
        }

        TempData["Message"] = done;
        return RedirectToAction(nameof(Organization));
    }
}
