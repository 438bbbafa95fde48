using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Issues;

/// <summary>
/// What a reader gets for an issue (or its article, print view, PDF) that is not readable to them: 410 with the
/// withdrawal notice, the sign-in page for a members-only issue, else the Chinese 404 page.
/// </summary>
public static class HiddenIssuePages
{
    public const string WithdrawnView = "/Features/Issues/Withdrawn.cshtml";

    /// <summary>For an issue asked for by its number (page, print view, PDF).</summary>
    public static Task<IActionResult> HiddenIssueAsync(
        this Controller controller, ArchiveQueries queries, int year, int number, bool supplement, CancellationToken ct)
    {
        var label = supplement ? $"{year}年增刊第{number}期" : $"{year}年第{number}期";
        return controller.HiddenIssueAsync(queries, q => q.Where(i => i.Year == year && i.Number == number && i.IsSupplement == supplement),
            $"没有找到{label}工作通讯，它可能尚未发布。", ct);
    }

    public static async Task<IActionResult> HiddenIssueAsync(
        this Controller controller, ArchiveQueries queries, Func<IQueryable<Domain.Issue>, IQueryable<Domain.Issue>> which,
        string notFound, CancellationToken ct)
    {
        var (withdrawn, membersOnly) = await queries.WhyHiddenAsync(which, ct);
        if (withdrawn is not null)
        {
            controller.Response.StatusCode = StatusCodes.Status410Gone;
            return controller.View(WithdrawnView, withdrawn);
        }

        return membersOnly && controller.User.Identity?.IsAuthenticated != true ? controller.Challenge() : controller.NotFoundPage(notFound);
    }
}
