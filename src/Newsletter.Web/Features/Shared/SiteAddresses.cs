using Microsoft.AspNetCore.Http.Extensions;

namespace Newsletter.Web.Features.Shared;

/// <summary>
/// Absolute addresses for feeds, the sitemap and link previews, built from the request's scheme and
/// host (the portal has no configured public address). Behind a proxy that rewrites the host, the
/// deployer must forward it, or these addresses name the proxy's upstream.
/// </summary>
public static class SiteAddresses
{
    public static string Absolute(HttpRequest request, string path) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, new PathString(path));

    /// <summary>A stored UTC time (SQLite hands it back unspecified) as an offset time.</summary>
    public static DateTimeOffset Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
