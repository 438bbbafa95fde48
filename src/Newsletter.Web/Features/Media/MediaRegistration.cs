namespace Newsletter.Web.Features.Media;

public static class MediaRegistration
{
    /// <summary>Pictures and attachments: the options (checked at start) and the one image processor, which holds no state.</summary>
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
        return services;
    }

    /// <summary>The binder appends configured array items to the default [800, 1600]; configured widths replace it instead.</summary>
    private static int[]? ConfiguredWidths(IConfigurationSection section)
    {
        var widths = section.GetSection(nameof(MediaOptions.VariantWidths));
        return widths.GetChildren().Any() ? widths.Get<int[]>() : null;
    }
}
