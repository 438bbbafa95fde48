using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Issues;

/// <summary>
/// What a reader gets for an issue (or its article, print view, PDF) that is not readable to them: 410 with the
/// withdrawal notice; for a members-only issue, 401 with a page that says it is for 会员单位 and offers sign-in (a bare
/// bounce to the sign-in form left readers wondering why); else the Chinese 404 page.
/// </summary>
public static class HiddenIssuePages
{
    public const string WithdrawnView = "/Features/Issues/Withdrawn.cshtml";

    public const string MembersOnlyView = "/Features/Issues/MembersOnly.cshtml";

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

        if (membersOnly is not null && controller.User.Identity?.IsAuthenticated != true)
        {
            controller.Response.StatusCode = StatusCodes.Status401Unauthorized;
            var request = controller.Request;
            return controller.View(MembersOnlyView, new MembersOnlyViewModel(membersOnly.FullLabel, request.PathBase + request.Path + request.QueryString));
        }

        return controller.NotFoundPage(notFound);
    }
}

/// <summary>The page an anonymous reader gets for a members-only issue: which issue, and sign-in that comes back here.</summary>
public sealed record MembersOnlyViewModel(string IssueLabel, string ReturnUrl);
