using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// Every action that answers GET answers HEAD too: <c>[HttpGet]</c> matches GET only, so HEAD got 405 on every page. The
/// action runs as for GET (same status and headers) and Kestrel sends no body for HEAD. The output cache keeps HEAD and GET
/// apart (the method is part of its key).
/// </summary>
public sealed class HeadAsGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().SingleOrDefault() is not { } methods
                || !methods.HttpMethods.Contains(HttpMethods.Get) || methods.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] withHead = [.. methods.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints.Remove(methods);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(withHead));
            foreach (var metadata in selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList())
            {
                selector.EndpointMetadata.Remove(metadata);
            }

            selector.EndpointMetadata.Add(new HttpMethodMetadata(withHead));
        }
    }
}
