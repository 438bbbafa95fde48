using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Publication;

/// <summary>刊物设置: name, 编印单位, 主办单位, the 内部资料 marking, 准印证号, the archive's default reach, the footer's fixed 送/发.</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/publication")]
public sealed class PublicationSettingsController(PublicationSettings settings) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(PublicationForm.From(await settings.ReadAsync()));

    [HttpPost("")]
    public async Task<IActionResult> Index(PublicationForm form)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await settings.SaveAsync(form, HttpContext.ToActor());
        TempData["Message"] = "刊物设置已保存，读者页面即时更新。";
        return RedirectToAction(nameof(Index));
    }
}
