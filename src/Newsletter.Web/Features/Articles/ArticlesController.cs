using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Articles;

/// <summary>The reading side's article page, with the previous and next article in its issue's 目录.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = ArchiveCachePolicy.Name)]
public sealed class ArticlesController(ArchiveQueries queries, MarkdownRenderer markdown) : Controller
{
    private bool SignedIn => User.Identity?.IsAuthenticated == true;

    [HttpGet("/articles/{id:int}")]
    public async Task<IActionResult> Article(int id, CancellationToken ct)
    {
        var article = await queries.ArticleAsync(id, SignedIn, ct);
        var issue = article?.IssueId is { } issueId ? await queries.IssueWithArticlesAsync(issueId, SignedIn, ct) : null;
        if (article is null || issue is null)
        {
            var ownIssue = await queries.IssueIdOfArticleAsync(id, ct);
            return await this.HiddenIssueAsync(queries, q => q.Where(i => i.Id == ownIssue), $"没有找到编号为 {id} 的文章，它可能尚未发布。", ct);
        }

        ViewData[OpenGraphImage.Key] = OpenGraphImage.From(markdown.FirstPicture(article.Body));
        var order = issue.TableOfContents().SelectMany(s => s.Articles).ToList();
        var index = order.FindIndex(a => a.Id == id);
        return View(new ArticlePageViewModel(
            article, issue, await queries.PublicationAsync(ct), markdown.Render(article.Body),
            index > 0 ? order[index - 1] : null,
            index >= 0 && index < order.Count - 1 ? order[index + 1] : null,
            await queries.AttachmentsAsync(id, ct)));
    }
}
