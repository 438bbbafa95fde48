namespace Newsletter.Web.Features.Editorial.Import;

public static class ImportRegistration
{
    /// <summary>
    /// The issue importer (.txt, .docx and .pdf, with the pictures of a .docx) with its limits (<c>Import</c>), its batches (kept
    /// in the data folder, applied by a background worker), and the seed issues imported at start (<c>Seed</c>).
    /// </summary>
    public static IServiceCollection AddIssueImport(this IServiceCollection services)
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateOnStart();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateOnStart();
        services.AddScoped<IssueImporter>();
        services.AddScoped<PictureImport>();
        services.AddScoped<SeedIssues>();
        services.AddScoped<ImportBatchRunner>();
        services.AddSingleton<ImportBatchStore>();
        services.AddSingleton<ImportBatchWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportBatchWorker>());
        return services;
    }
}
