using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

/// <summary>A refused form post: why, the way back to the item, and the note the person had typed (kept on a conflict).</summary>
public sealed record RefusedViewModel(string Message, string? BackUrl, string? KeptNote);

public static class OutcomeResults
{
    /// <summary>TempData key of a note typed into a form that lost to a change made meanwhile (a second tab, a colleague).</summary>
    public const string KeptNoteKey = "KeptNote";

    /// <summary>
    /// The page a form post ends on: a refusal shows its Chinese message with the fitting status (nothing was changed);
    /// success keeps <paramref name="doneMessage"/> for the next page and redirects to <paramref name="doneAction"/>.
    /// A conflict (the item changed since the form was shown) keeps <paramref name="typedNote"/> for the item's page,
    /// which the refusal links back to, so nothing typed is lost.
    /// </summary>
    public static IActionResult Finish(
        this Controller controller, Outcome outcome, string doneMessage, string doneAction, object routeValues, string? typedNote = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                controller.TempData["Message"] = doneMessage;
                return controller.RedirectToAction(doneAction, routeValues);
            case OutcomeKind.NotFound:
                return controller.NotFoundPage(outcome.Message!);
            default:
                var kept = outcome.Kind == OutcomeKind.Conflict && !string.IsNullOrWhiteSpace(typedNote) ? typedNote.Trim() : null;
                if (kept is not null)
                {
                    controller.TempData[KeptNoteKey] = kept;
                }

                var refused = controller.View("Refused", new RefusedViewModel(outcome.Message!, controller.Url.Action(doneAction, routeValues), kept));
                refused.StatusCode = outcome.Kind switch
                {
                    OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
                    OutcomeKind.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                };
                return refused;
        }
    }
}
