using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in the folder of its namespace: <c>Newsletter.Web.Features.Editorial.Issues</c> →
/// <c>/Features/Editorial/Issues/{view}.cshtml</c>, then <c>/Features/Shared/</c>. So the public and the editors'
/// <c>IssuesController</c> each keep their views beside them.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Root = "Newsletter.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns && ns.StartsWith(Root, StringComparison.Ordinal))
        {
            context.Values[Key] = "/" + ns[Root.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var folder) && folder is not null
            ? [$"{folder}/{{0}}.cshtml", "/Features/Shared/{0}.cshtml"]
            : viewLocations;
}
