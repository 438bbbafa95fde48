using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>
/// The writers' side: correspondents write and submit their items, editors work the queue
/// (return with a note, edit, accept), everyone sees the history of what they may see.
/// </summary>
[Authorize(Roles = Roles.Writers)]
[Route("editorial/articles")]
public sealed class ArticlesController(
    ArticleService articles, MediaService media, IOptions<MediaOptions> mediaOptions, NewsletterDbContext db, MarkdownRenderer markdown) : Controller
{
    private Actor Actor => HttpContext.ToActor();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? filter)
    {
        var actor = Actor;
        var query = db.Articles.AsNoTracking().Include(a => a.Section).Include(a => a.Issue).AsQueryable();
        if (!actor.IsEditor)
        {
            query = query.Where(a => a.CreatedById == actor.UserId);
        }

        var filters = new (string Key, string Label, Func<IQueryable<Article>, IQueryable<Article>> Apply)[]
        {
            ("submitted", "待审", q => q.Where(a => a.Status == ArticleStatus.Submitted)),
            ("accepted", "已采用、待编入", q => q.Where(a => a.Status == ArticleStatus.Accepted && a.IssueId == null)),
            ("returned", "已退回", q => q.Where(a => a.Status == ArticleStatus.Returned)),
            ("draft", "草稿", q => q.Where(a => a.Status == ArticleStatus.Draft)),
            ("all", "全部", q => q),
        };
        filter = filters.Any(f => f.Key == filter) ? filter! : actor.IsEditor ? "submitted" : "all";
        var counts = new List<(string, string, int)>();
        foreach (var f in filters)
        {
            counts.Add((f.Key, f.Label, await f.Apply(query).CountAsync()));
        }

        var list = await filters.Single(f => f.Key == filter).Apply(query)
            .OrderByDescending(a => a.UpdatedAt).Take(200).ToListAsync();
        return View(new ArticleListViewModel(filter, counts, list, actor.IsEditor));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New() =>
        View("Edit", new ArticleEditViewModel(null, new ArticleForm(), await SectionsAsync(), Media: await PanelAsync(null)));

    [HttpPost("new")]
    public async Task<IActionResult> New(ArticleForm form)
    {
        if (!await ValidAsync(form))
        {
            return View("Edit", new ArticleEditViewModel(null, form, await SectionsAsync(), Media: await PanelAsync(null)));
        }

        var article = await articles.CreateAsync(form, Actor);
        TempData["Message"] = "稿件已保存为草稿。写完后请点“提交审核”。";
        return RedirectToAction(nameof(Details), new { id = article.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var article = await articles.FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, Actor))
        {
            return this.NotFoundPage("没有找到这篇稿件。");
        }

        return View(new ArticleDetailsViewModel(
            article, markdown.Render(article.Body),
            ArticleWorkflow.Instance.Allowed(article, Actor).ToList(),
            await articles.CommentsAsync(id),
            ArticleRules.WhyNotEditable(article, Actor) is null,
            ArticleRules.WhyNotCorrectable(article, Actor) is null,
            await media.ListAsync(id)));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var article = await articles.FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, Actor))
        {
            return this.NotFoundPage("没有找到这篇稿件。");
        }

        if (ArticleRules.WhyNotEditable(article, Actor) is { } why)
        {
            TempData["Error"] = why;
            return RedirectToAction(nameof(Details), new { id });
        }

        return View(new ArticleEditViewModel(id, ArticleForm.From(article), await SectionsAsync(), Media: await PanelAsync(id)));
    }

    /// <param name="removeMedia">Pictures taken out of the text in the editor whose 删除 waits for this save (the saved text still showed them).</param>
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ArticleForm form, int[]? removeMedia)
    {
        if (!await ValidAsync(form))
        {
            return View(new ArticleEditViewModel(id, form, await SectionsAsync(), Media: await PanelAsync(id)));
        }

        var saved = await articles.SaveAsync(id, form, Actor);
        await RemoveAfterSaveAsync(id, saved, removeMedia);
        return await AfterSaveAsync(id, form, saved, null, "稿件已保存。");
    }

    [HttpPost("{id:int}/transition")]
    public async Task<IActionResult> Transition(int id, ArticleAction action, string? note)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(action))
        {
            return Finish(id, Outcome.Invalid("没有这个操作。"), "");
        }

        var outcome = await articles.TransitionAsync(id, action, note, Actor);
        return this.Finish(outcome, "状态已更新。", nameof(Details), new { id }, note);
    }

    [HttpPost("{id:int}/comments")]
    public async Task<IActionResult> Comment(int id, string? body) =>
        Finish(id, await articles.CommentAsync(id, body, Actor), "意见已发表。");

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id)
    {
        var article = await articles.FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, Actor))
        {
            return this.NotFoundPage("没有找到这篇稿件。");
        }

        var pictures = await db.MediaFiles.AsNoTracking().Where(m => m.ArticleId == id && m.Kind == MediaKind.Picture)
            .ToDictionaryAsync(m => m.Id, m => m.OriginalName);
        return View(new RevisionListViewModel(article, await articles.RevisionsAsync(id), ArticleRules.WhyNotEditable(article, Actor) is null, pictures));
    }

    [HttpGet("{id:int}/diff")]
    public async Task<IActionResult> Diff(int id, int from, int to)
    {
        var article = await articles.FindAsync(id);
        var revisions = article is null || !ArticleRules.CanView(article, Actor) ? [] : await articles.RevisionsAsync(id);
        var left = revisions.FirstOrDefault(r => r.Number == from);
        var right = revisions.FirstOrDefault(r => r.Number == to);
        if (left is null || right is null)
        {
            return this.NotFoundPage("没有找到要比较的版本。");
        }

        ViewData["Title"] = $"比较第 {from} 版与第 {to} 版";
        return View(TextDiff.Build($"第 {from} 版（{left.AuthorName}）", left.Title + "\n\n" + left.Body,
            $"第 {to} 版（{right.AuthorName}）", right.Title + "\n\n" + right.Body));
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore(int id, int number) =>
        Finish(id, await articles.RestoreAsync(id, number, Actor), $"已恢复到第 {number} 版（保存为新版本）。");

    [HttpGet("{id:int}/correct")]
    public async Task<IActionResult> Correct(int id)
    {
        var article = await articles.FindAsync(id);
        if (article is null || !ArticleRules.CanView(article, Actor))
        {
            return this.NotFoundPage("没有找到这篇稿件。");
        }

        if (ArticleRules.WhyNotCorrectable(article, Actor) is { } why)
        {
            TempData["Error"] = why;
            return RedirectToAction(nameof(Details), new { id });
        }

        return View(new CorrectViewModel(id, ArticleForm.From(article), await SectionsAsync(), null, await PanelAsync(id)));
    }

    [HttpPost("{id:int}/correct")]
    public async Task<IActionResult> Correct(int id, ArticleForm form, string? note, int[]? removeMedia)
    {
        if (!await ValidAsync(form))
        {
            return View(new CorrectViewModel(id, form, await SectionsAsync(), note, await PanelAsync(id)));
        }

        var saved = await articles.CorrectAsync(id, form, note ?? "", Actor);
        if (saved.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddModelError("note", saved.Message!);
            return View(new CorrectViewModel(id, form, await SectionsAsync(), note, await PanelAsync(id)));
        }

        await RemoveAfterSaveAsync(id, saved, removeMedia);

        return await AfterSaveAsync(id, form, saved, note, "更正已发布，读者会在文章末尾看到更正说明。");
    }

    [HttpPost("/editorial/preview")]
    public IActionResult Preview(string? body) => Content(markdown.Render(body).Value ?? "", "text/html; charset=utf-8");

    /// <summary>A lost race on the text shows the stored version beside the editor's, to merge; anything else finishes.</summary>
    private async Task<IActionResult> AfterSaveAsync(int id, ArticleForm form, Outcome saved, string? correctionNote, string message)
    {
        if (saved.Kind == OutcomeKind.Conflict && await articles.FindAsync(id) is { } current)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            var diff = TextDiff.Build("当前保存的版本", current.Title + "\n\n" + current.Body, "您的版本", form.Title + "\n\n" + form.Body);
            return View("Conflict", new ArticleConflictViewModel(id, form, current, await SectionsAsync(), diff, correctionNote));
        }

        return Finish(id, saved, message);
    }

    /// <summary>
    /// The 删除 of pictures the saved text still showed, once the text without them is saved. One put back in the text
    /// meanwhile is refused by the service and simply stays.
    /// </summary>
    private async Task RemoveAfterSaveAsync(int id, Outcome saved, int[]? removeMedia)
    {
        if (!saved.Succeeded || removeMedia is null)
        {
            return;
        }

        foreach (var mediaId in removeMedia.Distinct().Take(ArticleMediaController.MaxFilesPerRequest * 10))
        {
            await media.RemoveAsync(id, mediaId, Actor);
        }
    }

    private async Task<MediaPanelViewModel> PanelAsync(int? id) =>
        new(id, id is { } articleId ? await media.ListAsync(articleId) : [], mediaOptions.Value.MaxUploadMegabytes);

    private IActionResult Finish(int id, Outcome outcome, string message) =>
        this.Finish(outcome, message, nameof(Details), new { id });

    private async Task<bool> ValidAsync(ArticleForm form)
    {
        if (form.SectionId is { } sectionId && !await db.Sections.AnyAsync(s => s.Id == sectionId))
        {
            ModelState.AddModelError(nameof(form.SectionId), "没有这个栏目。");
        }

        if (!string.IsNullOrWhiteSpace(form.SourceName) && form.SourceKind is null)
        {
            ModelState.AddModelError(nameof(form.SourceKind), "填写了来源时，请选择“摘自”或“本文来源”。");
        }

        return ModelState.IsValid;
    }

    private Task<List<Section>> SectionsAsync() =>
        db.Sections.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync();
}
