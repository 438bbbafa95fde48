using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Dispatches;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Issues.Pdf;
using Newsletter.Web.Features.Media;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>Composing an issue and taking it through review to publication.</summary>
[Authorize(Roles = Roles.Editors)]
[Route("editorial/issues")]
public sealed class IssuesController(IssueService issues, IssueTransitions transitions, NewsletterDbContext db) : Controller
{
    private Actor Actor => HttpContext.ToActor();

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(new IssueListViewModel(await db.Issues.AsNoTracking()
        .OrderByDescending(i => i.Year).ThenBy(i => i.IsSupplement).ThenByDescending(i => i.Number).ToListAsync()));

    [HttpGet("new")]
    public async Task<IActionResult> New(int? year, bool supplement = false) =>
        View(new IssueNewViewModel(await issues.SuggestAsync(year, supplement)));

    [HttpPost("new")]
    public async Task<IActionResult> New(IssueForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(new IssueNewViewModel(form));
        }

        var created = await issues.CreateAsync(form, Actor);
        if (created.Value is not { } issue)
        {
            ModelState.AddModelError("", created.Message!);
            var page = View(new IssueNewViewModel(form));
            page.StatusCode = created.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : null;
            return page;
        }

        TempData["Message"] = $"已新建{issue.FullLabel}。下面把已采用的稿件编入各栏目。";
        return RedirectToAction(nameof(Compose), new { id = issue.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Compose(int id)
    {
        var issue = await issues.FindAsync(id);
        return issue is null ? this.NotFoundPage("没有找到这一期。") : View(await ComposeModelAsync(issue, IssueForm.From(issue)));
    }

    /// <summary>原版 PDF of an imported issue, for checking the import against the print before it is published.</summary>
    [HttpGet("{id:int}/original.pdf")]
    public async Task<IActionResult> Original(int id, [FromServices] MediaStore store, [FromServices] ArchiveQueries queries, CancellationToken ct)
    {
        var issue = await issues.FindAsync(id);
        return issue is null
            ? this.NotFoundPage("没有找到这一期。")
            : OriginalPdfController.Serve(this, store, issue, (await queries.PublicationAsync(ct)).DefaultVisibility);
    }

    [HttpPost("{id:int}/masthead")]
    public async Task<IActionResult> Masthead(int id, IssueForm form)
    {
        var issue = await issues.FindAsync(id);
        if (issue is null)
        {
            return this.NotFoundPage("没有找到这一期。");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Compose), await ComposeModelAsync(issue, form));
        }

        var outcome = await issues.UpdateAsync(id, form, Actor);
        if (outcome.Kind is OutcomeKind.Invalid or OutcomeKind.Conflict)
        {
            ModelState.AddModelError("", outcome.Message!);
            Response.StatusCode = outcome.Kind == OutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return View(nameof(Compose), await ComposeModelAsync((await issues.FindAsync(id))!, form));
        }

        return Finish(id, outcome, "报头报尾已保存。");
    }

    [HttpPost("{id:int}/place")]
    public async Task<IActionResult> Place(int id, int articleId, int sectionId) =>
        Finish(id, await issues.PlaceAsync(id, articleId, sectionId, Actor), "稿件已编入。");

    /// <summary>Several accepted articles placed at once (the checked boxes, in page order), each in its own section.</summary>
    [HttpPost("{id:int}/place-many")]
    public async Task<IActionResult> PlaceMany(int id, [FromForm] List<int> articleIds) => Finish(id, ModelState.IsValid
        ? await issues.PlaceManyAsync(id, articleIds, Actor)
        : Outcome.Invalid("所选稿件编号有误，这次一篇也没有编入。请刷新页面后重选。"), $"已编入 {articleIds.Count} 篇稿件。");

    /// <summary>A section's order after dragging (wwwroot/js/compose.js): its article ids, read at the issue's version.</summary>
    [HttpPost("{id:int}/order")]
    public async Task<IActionResult> Order(int id, int sectionId, [FromForm] List<int> articleIds, int version) => Finish(id, ModelState.IsValid
        ? await issues.OrderAsync(id, sectionId, articleIds, version, Actor)
        : Outcome.Invalid("提交的顺序有误，顺序没有改动。请刷新页面后再调整。"), "顺序已调整。");

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id, int articleId) =>
        Finish(id, await issues.RemoveAsync(id, articleId, Actor), "稿件已移出本期，回到待编入稿件。");

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> Move(int id, int articleId, int delta) =>
        Finish(id, await issues.MoveAsync(id, articleId, delta, Actor), "顺序已调整。");

    [HttpPost("{id:int}/transition")]
    public async Task<IActionResult> Transition(int id, IssueTransitionForm form)
    {
        // 到时发布 is the scheduler's, never a person's: a posted one is a crafted form (400), not a stale one (409).
        if (!ModelState.IsValid || !Enum.IsDefined(form.Action) || form.Action == IssueAction.PublishDue)
        {
            return Finish(id, Outcome.Invalid("没有这个操作。"), "");
        }

        return this.Finish(await transitions.ApplyAsync(id, form, Actor), "状态已更新。", nameof(Compose), new { id }, form.Note);
    }

    /// <summary>发送测试邮件: the issue's mail to the signed-in editor only, not a dispatch.</summary>
    [HttpPost("{id:int}/test-mail")]
    public async Task<IActionResult> SendTest(int id, [FromServices] TestMail mail, CancellationToken ct)
    {
        var sent = await mail.SendAsync(id, Actor, ct);
        return Finish(id, sent, $"测试邮件已发送到 {sent.Value}，请查收。它不计入发送记录，名单上的单位不会收到。");
    }

    [HttpPost("{id:int}/comments")]
    public async Task<IActionResult> Comment(int id, string? body) =>
        Finish(id, await issues.CommentAsync(id, body, Actor), "意见已发表。");

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(int id)
    {
        var issue = await issues.FindAsync(id);
        if (issue is null)
        {
            return this.NotFoundPage("没有找到这一期。");
        }

        var publication = await db.Publications.AsNoTracking().FirstAsync();
        return View(new IssuePageViewModel(issue, publication) { ArticleUrl = a => $"/editorial/articles/{a.Id}" });
    }

    // Slice "proof" (issue 17 point 3): 按发送名单生成 and the 更正 of a published issue's lines.

    /// <summary>按发送名单生成: the masthead form back as typed, with 送 and 发 filled from the groups for the editor to edit; nothing is saved.</summary>
    [HttpPost("{id:int}/masthead/lines")]
    public async Task<IActionResult> FooterLines(int id, IssueForm form, [FromServices] DistributionLists lists)
    {
        var issue = await issues.FindAsync(id);
        if (issue is null)
        {
            return this.NotFoundPage("没有找到这一期。");
        }

        if (IssueRules.WhyNotEditable(issue, Actor) is { } why)
        {
            return Finish(id, Outcome.Forbidden(why), "");
        }

        var (send, distribute) = (await lists.FooterLineAsync(DistributionGroup.Send), await lists.FooterLineAsync(DistributionGroup.Distribute));
        (form.SendTo, form.DistributeTo) = (send ?? form.SendTo, distribute ?? form.DistributeTo);
        ModelState.Clear();
        TempData["Message"] = send is null && distribute is null
            ? "送、发名单中还没有单位，原来的内容未改动。请到“送发名单”添加单位。"
            : "已按发送名单生成送、发两行（尚未保存）。请核对修改后点“保存报头报尾”。";
        return View(nameof(Compose), await ComposeModelAsync(issue, form));
    }

    [HttpPost("{id:int}/corrections")]
    public async Task<IActionResult> Correct(int id, IssueCorrectionForm form, [FromServices] IssueCorrections corrections) =>
        Finish(id, await corrections.CorrectAsync(id, form, Actor), "更正已保存，读者会在本期末尾看到更正说明。");

    private IActionResult Finish(int id, Outcome outcome, string message) =>
        this.Finish(outcome, message, nameof(Compose), new { id });

    private async Task<IssueComposeViewModel> ComposeModelAsync(Issue issue, IssueForm form)
    {
        var pool = await db.Articles.AsNoTracking().Include(a => a.Section)
            .Where(a => a.Status == ArticleStatus.Accepted && a.IssueId == null)
            .OrderBy(a => a.Section!.SortOrder).ThenBy(a => a.UpdatedAt).ToListAsync();
        var sections = await db.Sections.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync();
        return new IssueComposeViewModel(
            issue, form, issue.TableOfContents(), pool, sections,
            await issues.HitsAsync(issue),
            IssueWorkflow.Instance.Allowed(issue, Actor).ToList(),
            await issues.CommentsAsync(issue.Id),
            IssueRules.WhyNotEditable(issue, Actor),
            await db.OfIssueAsync(issue));
    }
}
