namespace Newsletter.Web.Features.Media;

public static class MediaRegistration
{
    /// <summary>Pictures and attachments: the options (checked at start) and the one image processor, which holds no state.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .Validate(o => o.MaxUploadMegabytes > 0 && o.MaxPixels > 0 && o.MasterEdge > 0 && o.VariantWidths.All(w => w > 0),
                "Media: MaxUploadMegabytes, MaxPixels, MasterEdge and every VariantWidths entry must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        return services;
    }
}
