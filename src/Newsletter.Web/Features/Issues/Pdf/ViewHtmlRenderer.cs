using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>Renders a Razor view to a string, for pages that are printed rather than sent to the browser.</summary>
public sealed class ViewHtmlRenderer(IRazorViewEngine engine, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync<TModel>(Controller controller, string viewPath, TModel model)
    {
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view {viewPath} was not found.");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(controller.ViewData, model);
        var context = new ViewContext(controller.ControllerContext, found.View, viewData,
            new TempDataDictionary(controller.HttpContext, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
