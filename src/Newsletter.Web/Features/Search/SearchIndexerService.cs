using Microsoft.Extensions.Options;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Search;

/// <summary>Configuration section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>How often this node applies new search-outbox entries to its index.</summary>
    public int PollSeconds { get; set; } = 2;
}

/// <summary>Applies the search outbox every few seconds, so a publish, withdrawal or correction is searchable at once.</summary>
public sealed class SearchIndexerService(
    IServiceScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider clock, ArchiveCacheInvalidator cache, ILogger<SearchIndexerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ApplyPendingAsync(stoppingToken) > 0)
                {
                    // Search pages change with the index; and what another node published reaches this node's cache here.
                    cache.EvictAll();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Applying the search outbox failed; will retry");
            }
        }
    }
}
