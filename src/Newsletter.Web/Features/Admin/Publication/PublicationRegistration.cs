namespace Newsletter.Web.Features.Admin.Publication;

public static class PublicationRegistration
{
    /// <summary>刊物设置 (/admin/publication).</summary>
    public static IServiceCollection AddPublicationSettings(this IServiceCollection services) => services.AddScoped<PublicationSettings>();
}
