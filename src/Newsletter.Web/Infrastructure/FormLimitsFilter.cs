using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// Reads a posted form after <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> (order 900) have set the action's limits
/// and before the antiforgery check (order 1000) would: a form over the limits — more fields, a longer name or value than the
/// form options allow, a body over the request size limit — gets 413 and the Chinese error page, not the antiforgery check's
/// 400. Other unreadable forms are left to the antiforgery check. The re-executed error page reads no form.
/// </summary>
public sealed class FormLimitsFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The form readers' limit messages: "Form value count limit 1024 exceeded.", "Multipart body length limit … exceeded." …
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A malformed form or a client gone mid-way: the antiforgery check answers 400 (GET binds nothing from it).
        }
    }
}
