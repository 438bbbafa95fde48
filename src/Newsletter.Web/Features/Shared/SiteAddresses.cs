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

/// <summary>
/// What an issue or article page tells link previews (微信, 钉钉, …): a view puts one in
/// ViewData[OpenGraph.Key] and the layout writes the og:* meta tags and the canonical link from it,
/// using the page's title and description.
/// </summary>
/// <param name="Type">og:type: "article" for articles, "website" otherwise.</param>
/// <param name="Path">The permanent address of the page, e.g. /issues/2023/2.</param>
/// <param name="PublishedAt">UTC time the issue went out, for article:published_time.</param>
public sealed record OpenGraph(string Type, string Path, DateTime? PublishedAt = null)
{
    public const string Key = "OpenGraph";

    public static OpenGraph Website(string path) => new("website", path);

    public static OpenGraph Article(string path, DateTime? publishedAt) => new("article", path, publishedAt);
}
