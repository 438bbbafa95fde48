using Microsoft.Extensions.Options;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// On start, after the migrations and the first administrator: imports, published, the seed issues not yet stored
/// (.txt, .docx and .pdf files, through the importer's one entry, <see cref="IssueImporter.ImportFileAsync"/>).
/// This node's search index is built by the search feature's background service once the portal is serving, so a
/// fresh data folder does not delay the first page.
/// </summary>
public sealed class SeedIssues(
    IssueImporter importer, IOptions<SeedOptions> seed, IWebHostEnvironment environment, ILogger<SeedIssues> logger)
{
    public async Task ImportAsync(CancellationToken ct = default)
    {
        if (!seed.Value.ImportOnStart)
        {
            return;
        }

        var folder = seed.Value.ResolveIssuesPath(environment.ContentRootPath);
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogInformation("No seed folder found; nothing to import");
            return;
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".docx" or ".pdf")
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var outcome = await importer.ImportFileAsync(await File.ReadAllBytesAsync(file, ct), file, publish: true, IssueImporter.System, ct);
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
