namespace Newsletter.Web.Features.Editorial.Import;

public static class ImportRegistration
{
    /// <summary>The issue importer (.docx/.md/.txt) with its limits (<c>Import</c>) and the sample issues (<c>Seed</c>).</summary>
    public static IServiceCollection AddIssueImport(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateOnStart();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateOnStart();
        services.AddScoped<IssueImporter>();
        return services;
    }
}
