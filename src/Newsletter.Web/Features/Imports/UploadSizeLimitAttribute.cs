using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Newsletter.Web.Features.Import;

namespace Newsletter.Web.Features.Imports;

/// <summary>
/// Answers an upload that announces more than the limit with the upload page and the Chinese message,
/// before the antiforgery check (order 1000) reads the form, hits the size limits and answers a bare
/// 400/413. The body is read and dropped first (up to <see cref="DrainLimit"/>): a server that answers
/// while the browser is still sending makes it show "connection reset" instead of the page.
/// Uploads just over 10 MB but within the request limit reach the action, which checks the file itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadSizeLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>The file limit plus room for the multipart headers and the form's other fields.</summary>
    public const long MaxRequestBytes = IssueFile.MaxBytes + 1024 * 1024;

    /// <summary>Larger uploads are cut off without the page (the connection is closed).</summary>
    public const long DrainLimit = 200L * 1024 * 1024;

    public int Order => 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength is not > MaxRequestBytes)
        {
            return;
        }

        if (http.Request.ContentLength <= DrainLimit && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DrainLimit;
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }

        var services = http.RequestServices;
        context.Result = new ViewResult
        {
            ViewName = "Index",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<ImportPageViewModel>(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
            {
                Model = new ImportPageViewModel([IssueFile.TooLarge]),
            },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
        };
    }
}
