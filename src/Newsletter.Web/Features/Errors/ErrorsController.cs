using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Errors;

/// <summary>
/// Chinese pages for status codes without a body (unknown addresses) and for unexpected errors, reached only by
/// re-execution: the status comes from the re-executed request, never from the address, and nothing is bound from the
/// request (a POST whose form is over the limits must not fail here). Asked for directly, /errors/… is not found.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for any method; it only renders a page
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/errors/{code:int}")]
    public IActionResult Status()
    {
        var code = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
            ? StatusCodes.Status500InternalServerError
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        if (code is not (>= 400 and <= 599) || code == StatusCodes.Status404NotFound)
        {
            return this.NotFoundPage("您要找的页面不存在，可能是地址有误，或内容已被移除。");
        }

        if (code >= StatusCodes.Status500InternalServerError)
        {
            return ServerError();
        }

        Response.StatusCode = code.Value;
        return View("Error", new ErrorViewModel(code.Value, code switch
        {
            400 => "请求有误，请检查后重试。",
            403 => "您没有权限查看这个页面。",
            405 => "不支持这种访问方式。",
            413 => "提交的内容太大，没有保存。请删减内容，或缩小文件（或分成几个文件）后重试。",
            429 => HttpContext.Items[RateLimits.RetryAfterItem] is int seconds
                ? $"访问太频繁，请 {seconds} 秒后再试。"
                : "访问太频繁，请稍后再试。",
            _ => "出现了问题，请稍后再试。",
        }));
    }

    private ViewResult ServerError()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (feature is not null)
        {
            logger.LogError(feature.Error, "Unhandled error on {Path}", feature.Path);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorViewModel(500, "服务器出现错误，已记录在日志中。请稍后再试，或联系管理员。"));
    }
}
