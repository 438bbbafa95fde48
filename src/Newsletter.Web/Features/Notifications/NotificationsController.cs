using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.Web.Features.Notifications;

/// <summary>One line of the settings page: a kind and whether this person receives it.</summary>
public sealed record NotificationSetting(NotificationKindInfo Info, bool Receives);

/// <summary>通知设置: which notifications this person receives by e-mail (all, until they turn some off).</summary>
[Authorize(Roles = Roles.Writers + "," + Roles.Administrator)]
public sealed class NotificationsController(UserManager<ApplicationUser> users) : Controller
{
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await SettingsAsync(user));
    }

    /// <summary>Saves the kinds left unticked as muted; a kind this person cannot receive is ignored.</summary>
    [HttpPost("/notifications")]
    public async Task<IActionResult> Save(List<NotificationKind>? receive)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var offered = NotificationKindInfo.For(await users.GetRolesAsync(user)).Select(k => k.Kind).ToList();
        var kept = NotificationKindInfo.Muted(user.MutedNotifications).Where(k => !offered.Contains(k));
        user.MutedNotifications = NotificationKindInfo.Store(kept.Concat(offered.Where(k => receive?.Contains(k) != true)));
        var result = await users.UpdateAsync(user);
        TempData["Message"] = result.Succeeded ? "通知设置已保存。" : "没能保存，请稍后再试。";
        return RedirectToAction(nameof(Index));
    }

    private async Task<List<NotificationSetting>> SettingsAsync(ApplicationUser user)
    {
        var muted = NotificationKindInfo.Muted(user.MutedNotifications);
        return NotificationKindInfo.For(await users.GetRolesAsync(user)).Select(k => new NotificationSetting(k, !muted.Contains(k.Kind))).ToList();
    }
}
