using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// Answers an upload that announces more than the limit with the upload page and its Chinese message (413),
/// before the antiforgery check (order 1000) reads the form, hits the size limits and answers a bare
/// 400/413. The body is read and dropped first (up to <see cref="DrainLimit"/>): a server that answers
/// while the browser is still sending makes it show "connection reset" instead of the page.
/// Uploads just over the file limit but within the request limit reach the action, which checks the file itself.
/// Apply with <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> of <see cref="RequestLimitBytes"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class UploadSizeLimitAttribute(long maxFileBytes) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the multipart headers and the form's other fields.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>Larger uploads are cut off without the page (the connection is closed).</summary>
    public const long DrainLimit = 200L * 1024 * 1024;

    public long RequestLimitBytes { get; } = maxFileBytes + FormOverheadBytes;

    public int Order => 0;

    /// <summary>The upload page's view and its model carrying the message.</summary>
    protected abstract (string View, object Model) Refusal { get; }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength is not { } length || length <= RequestLimitBytes)
        {
            return;
        }

        if (length <= DrainLimit && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DrainLimit;
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }

        var services = http.RequestServices;
        var (view, model) = Refusal;
        context.Result = new ViewResult
        {
            ViewName = view,
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState) { Model = model },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
        };
    }
}
