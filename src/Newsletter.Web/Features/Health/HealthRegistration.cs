namespace Newsletter.Web.Features.Health;

public static class HealthRegistration
{
    /// <summary>/healthz: the database, this node's search index and the media files.</summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<MediaHealthCache>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<SearchIndexHealthCheck>("search")
            .AddCheck<MediaHealthCheck>("media");
        return services;
    }
}
