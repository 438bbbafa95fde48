namespace Newsletter.Web.Features.Health;

public static class HealthRegistration
{
    /// <summary>/healthz: the database and this node's search index.</summary>
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<SearchIndexHealthCheck>("search");
        return services;
    }
}
