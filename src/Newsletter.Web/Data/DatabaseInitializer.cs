using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;
namespace Newsletter.Web.Data;

/// <summary>
/// On start: applies the migrations of the configured provider, creates the roles and first administrator, and
/// imports the seed issues not yet stored. This node's search index is built by <see cref="SearchIndexerService"/>
/// once the portal is serving, so a fresh data folder does not delay the first page.
/// </summary>
public sealed class DatabaseInitializer(
    NewsletterDbContext db,
    IssueImporter importer,
    AccountSeeder accounts,
    IOptions<SeedOptions> seed,
    IWebHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await accounts.SeedAsync();
        if (seed.Value.ImportOnStart)
        {
            await ImportSeedsAsync(ct);
        }
    }

    private async Task ImportSeedsAsync(CancellationToken ct)
    {
        var folder = seed.Value.ResolveIssuesPath(environment.ContentRootPath);
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogInformation("No seed folder found; nothing to import");
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var outcome = await importer.ImportAsync(await File.ReadAllBytesAsync(file, ct), file, publish: true, ct);
            if (outcome.Succeeded)
            {
                logger.LogInformation("Imported seed {File} as {Issue}", Path.GetFileName(file), outcome.Value!.Label);
            }
            else if (outcome.Kind == Domain.OutcomeKind.Conflict)
            {
                logger.LogDebug("Seed {File} is already stored", Path.GetFileName(file));
            }
            else
            {
                logger.LogWarning("Seed {File} was not imported: {Errors}", Path.GetFileName(file), string.Join(" ", outcome.Errors));
            }
        }
    }
}
