namespace Newsletter.Web.Features.Editorial.Import;

public static class ImportRegistration
{
    /// <summary>The issue importer (.txt and .docx, with the pictures of a .docx) with its limits (<c>Import</c>), and the seed issues imported at start (<c>Seed</c>).</summary>
    public static IServiceCollection AddIssueImport(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateOnStart();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateOnStart();
        services.AddScoped<IssueImporter>();
        services.AddScoped<PictureImport>();
        services.AddScoped<SeedIssues>();
        return services;
    }
}
