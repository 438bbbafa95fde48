using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Issues.Pdf;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>
/// 样稿: an issue before publication as it will print — the readers' print view and A4 PDF (Paged.js, the 目录's real page
/// numbers) from the same <see cref="IssuePrinter"/>, marked 样稿 on every page, for editors and chief editors; the screen
/// copy carries the issue's transition buttons, so the chief editor approves and publishes from what they read.
/// A published issue has no 样稿: its print view and PDF are the readers'.
/// </summary>
[Authorize(Roles = Roles.Editors)]
[Route("editorial/issues/{id:int}")]
public sealed class ProofController(IssueService issues, IssuePrinter printer, ArchiveQueries queries) : Controller
{
    private const string Missing = "没有找到这一期。";

    [HttpGet("print")]
    public async Task<IActionResult> Print(int id, CancellationToken ct)
    {
        var issue = await issues.FindAsync(id);
        if (issue is null)
        {
            return this.NotFoundPage(Missing);
        }

        if (issue.IsPublished)
        {
            return Redirect(ArchiveUrls.Issue(issue) + "/print");
        }

        var actor = HttpContext.ToActor();
        var actions = new IssueComposeViewModel(
            issue, IssueForm.From(issue), issue.TableOfContents(), [], [], await issues.HitsAsync(issue),
            IssueWorkflow.Instance.Allowed(issue, actor).ToList(), [], IssueRules.WhyNotEditable(issue, actor), []);
        Response.Headers.CacheControl = MembersOnlyResponse.CacheControl;
        return View(IssuePrinter.PrintView, printer.Screen(await PageAsync(issue, ct), Marks(id, actions)));
    }

    [HttpGet("proof.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken ct)
    {
        var issue = await issues.FindAsync(id);
        if (issue is null)
        {
            return this.NotFoundPage(Missing);
        }

        if (issue.IsPublished)
        {
            return Redirect(ArchiveUrls.Issue(issue) + ".pdf");
        }

        var page = await PageAsync(issue, ct);
        Response.Headers.CacheControl = MembersOnlyResponse.CacheControl;
        return await printer.PdfAsync(this, page, $"proof-{issue.Id}", $"{page.Publication.Name}{issue.FullLabel}（样稿）.pdf", Marks(id, null), ct);
    }

    private async Task<IssuePageViewModel> PageAsync(Issue issue, CancellationToken ct) =>
        new(issue, await queries.PublicationAsync(ct));

    private static ProofMarks Marks(int id, IssueComposeViewModel? actions) =>
        new($"/editorial/issues/{id}", $"/editorial/issues/{id}/proof.pdf", actions);
}
