using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Issues;

public static class ArchiveRegistration
{
    /// <summary>The reading pages' queries and their output cache for anonymous readers (<c>OutputCache:Seconds</c>).</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ArchiveQueries>();
        services.AddScoped<IssuePictures>();
        services.AddOptions<ArchiveCacheOptions>().BindConfiguration(ArchiveCacheOptions.SectionName).ValidateOnStart();
        var seconds = configuration.GetSection(ArchiveCacheOptions.SectionName).Get<ArchiveCacheOptions>()?.Seconds ?? 300;
        var expiration = TimeSpan.FromSeconds(Math.Max(1, seconds));
        services.AddOutputCache(o =>
        {
            o.AddPolicy(ArchiveCachePolicy.Name, new ArchiveCachePolicy(expiration));
            o.AddPolicy(ArchiveCachePolicy.SearchName, new ArchiveCachePolicy(expiration, storeOnSecondRequest: true));
        });
        return services;
    }
}
