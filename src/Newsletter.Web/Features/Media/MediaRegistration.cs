namespace Newsletter.Web.Features.Media;

public static class MediaRegistration
{
    /// <summary>
    /// Pictures and attachments: the options (checked at start), the one image processor (no state), the store, the
    /// catalogue of picture sizes and the Markdown renderer that draws from it.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MediaOptions.Section);
        services.AddOptions<MediaOptions>()
            .Bind(section)
            .PostConfigure(o => o.VariantWidths = ConfiguredWidths(section) ?? o.VariantWidths)
            .Validate(o => o.MaxUploadMegabytes > 0 && o.MaxPixels > 0 && o.MasterEdge > 0 && o.VariantWidths.All(w => w > 0),
                "Media: MaxUploadMegabytes, MaxPixels, MasterEdge and every VariantWidths entry must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaCatalog>();
        services.AddSingleton<Infrastructure.IPictureCatalog>(sp => sp.GetRequiredService<MediaCatalog>());
        services.AddScoped<MediaService>();
        services.AddSingleton<Infrastructure.MarkdownRenderer>(); // draws the catalogue's pictures
        return services;
    }

    /// <summary>The binder appends configured array items to the default [800, 1600]; configured widths replace it instead.</summary>
    private static int[]? ConfiguredWidths(IConfigurationSection section)
    {
        var widths = section.GetSection(nameof(MediaOptions.VariantWidths));
        return widths.GetChildren().Any() ? widths.Get<int[]>() : null;
    }
}
