using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// The options of the request pipeline's middleware: compression, forwarded headers (services), and the static files'
/// caching, the zh-CN culture and the cookie policy (passed to their <c>UseX</c> in Program.cs, which keeps the order).
/// </summary>
public static class PortalMiddleware
{
    public static IServiceCollection AddPortalMiddleware(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddResponseCompression(o =>
        {
            // Antiforgery tokens are re-encrypted on every response, so compressing over HTTPS leaks nothing (BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind a reverse proxy that ends HTTPS: trust its X-Forwarded-For/-Proto (loopback is trusted by default).
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["Proxy:KnownProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies 中的“{proxy}”不是 IP 地址。"));
            }
        });
        return services;
    }

    public static StaticFileOptions StaticFiles() => new()
    {
        // Pages link assets with ?v=<content hash> (asp-append-version): such a URL never changes its content.
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
            context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    };

    public static RequestLocalizationOptions Localization() => new()
    {
        DefaultRequestCulture = new RequestCulture("zh-CN"),
        SupportedCultures = [new CultureInfo("zh-CN")],
        SupportedUICultures = [new CultureInfo("zh-CN")],
    };

    public static CookiePolicyOptions CookiePolicy() => new()
    {
        HttpOnly = HttpOnlyPolicy.Always,
        Secure = CookieSecurePolicy.SameAsRequest,
        MinimumSameSitePolicy = SameSiteMode.Lax,
    };
}
