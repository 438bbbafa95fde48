using Microsoft.AspNetCore.Mvc;

namespace Newsletter.Web.Features.Shared;

public sealed record NotFoundViewModel(string Message);

public static class NotFoundExtensions
{
    /// <summary>A 404 with a Chinese page that says what was not found.</summary>
    public static ViewResult NotFoundPage(this Controller controller, string message)
    {
        var result = controller.View("NotFound", new NotFoundViewModel(message));
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }
}
