using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Sections;

/// <summary>栏目设置: the sections in order, with add, rename, reorder, deactivate/reactivate and delete (empty ones only).</summary>
[Authorize(Roles = Roles.Administrator)]
[Route("admin/sections")]
public sealed class SectionSettingsController(SectionSettings sections) : Controller
{
    private Actor Actor => HttpContext.ToActor();

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new SectionsPage(await sections.RowsAsync(), new SectionForm()));

    [HttpPost("new")]
    public async Task<IActionResult> Add([Bind(Prefix = "Add")] SectionForm form)
    {
        if (ModelState.IsValid)
        {
            var added = await sections.AddAsync(form, Actor);
            if (added.Value is { } section)
            {
                TempData["Message"] = $"已新建栏目“{section.Name}”，排在最后。";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError("Add.Name", added.Message!);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new SectionsPage(await sections.RowsAsync(), form));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id) => await sections.FindAsync(id) is { } section
        ? View(new SectionEditPage(id, SectionForm.From(section)))
        : this.NotFoundPage("没有这个栏目。");

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, SectionForm form)
    {
        if (await sections.FindAsync(id) is null)
        {
            return this.NotFoundPage("没有这个栏目。");
        }

        var outcome = ModelState.IsValid ? await sections.UpdateAsync(id, form, Actor) : null;
        if (outcome is { Succeeded: true })
        {
            TempData["Message"] = $"栏目“{form.Name!.Trim()}”已保存。";
            return RedirectToAction(nameof(Index));
        }

        if (outcome is not null)
        {
            ModelState.AddModelError(nameof(form.Name), outcome.Message!);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new SectionEditPage(id, form));
    }

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, int delta) => Finish(await sections.MoveAsync(id, delta, Actor), "栏目顺序已调整。");

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> Active(int id, bool active) =>
        Finish(await sections.SetActiveAsync(id, active, Actor), active ? "栏目已启用。" : "栏目已停用：不再出现在栏目列表和新稿的栏目选择中。");

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id) => Finish(await sections.DeleteAsync(id, Actor), "栏目已删除。");

    private IActionResult Finish(Outcome outcome, string message)
    {
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            TempData["Error"] = outcome.Message;
            return RedirectToAction(nameof(Index));
        }

        return this.Finish(outcome, message, nameof(Index), new { });
    }
}
