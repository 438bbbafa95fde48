using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Unsubscribe;

/// <summary>
/// 退订: the link in every issue mail. GET asks for confirmation (a mail scanner that follows links must not unsubscribe anyone);
/// POST unsubscribes, from the page's button or from a mail client's one-click POST (RFC 8058), which has no session and no form
/// token — hence the antiforgery exemption on that action only; the signed token is what authorises it. Rate-limited per address.
/// </summary>
[AllowAnonymous]
[Route("unsubscribe")]
[EnableRateLimiting(RateLimits.Unsubscribe)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class UnsubscribeController(Unsubscriber unsubscriber) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken ct) =>
        await unsubscriber.PageAsync(token, ct) is { } page ? View(page) : Invalid();

    [HttpPost("{token}")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken ct) =>
        await unsubscriber.UnsubscribeAsync(token, HttpContext.Connection.RemoteIpAddress?.ToString(), ct) is { } page
            ? View("Done", page)
            : Invalid();

    /// <summary>A forged, altered or expired link: nothing changes, and the page says what to do instead.</summary>
    private ViewResult Invalid()
    {
        var view = View("Invalid");
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
