using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

public static class OutcomeResults
{
    /// <summary>
    /// The page a form post ends on: a refusal shows its Chinese message with the fitting status (nothing was changed);
    /// success keeps <paramref name="doneMessage"/> for the next page and redirects to <paramref name="doneAction"/>.
    /// </summary>
    public static IActionResult Finish(this Controller controller, Outcome outcome, string doneMessage, string doneAction, object routeValues)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                controller.TempData["Message"] = doneMessage;
                return controller.RedirectToAction(doneAction, routeValues);
            case OutcomeKind.NotFound:
                return controller.NotFoundPage(outcome.Message!);
            default:
                var refused = controller.View("Refused", outcome.Message);
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
