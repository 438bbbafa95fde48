namespace Newsletter.Web.Features.Admin.Sections;

public static class SectionsRegistration
{
    /// <summary>栏目设置 (/admin/sections).</summary>
    public static IServiceCollection AddSectionSettings(this IServiceCollection services) => services.AddScoped<SectionSettings>();
}
