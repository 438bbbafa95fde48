using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Features.Account;
using Newsletter.Web.Features.Import;
using Newsletter.Web.Features.Search;

namespace Newsletter.Web.Data;

/// <summary>
/// On start: applies the migrations of the configured provider, creates the roles and first administrator,
/// imports the seed issues not yet stored, and builds this node's search index when it is missing.
/// </summary>
public sealed class DatabaseInitializer(
    NewsletterDbContext db,
    IssueImporter importer,
    AccountSeeder accounts,
    SearchIndexer search,
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

        await search.EnsureBuiltAsync(ct);
        await search.ApplyPendingAsync(ct);
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
                logger.LogInformation("Imported seed {File} as {Issue}", Path.GetFileName(file), outcome.Label);
            }
            else if (outcome.IsDuplicate)
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
