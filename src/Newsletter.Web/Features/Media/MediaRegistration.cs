namespace Newsletter.Web.Features.Media;

// TEMPORARY lead-side placeholder, replaced by branch img; never committed.
public static class MediaRegistration
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaCatalog>();
        services.AddSingleton<Infrastructure.IPictureCatalog>(sp => sp.GetRequiredService<MediaCatalog>());
        services.AddScoped<MediaService>();
        services.AddSingleton<Infrastructure.MarkdownRenderer>(); // draws the catalogue's pictures
        return services;
    }
}
