using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Features.Search.Vocabulary;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Search;

/// <summary>Configuration section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>How often this node applies new search-outbox entries to its index.</summary>
    public int PollSeconds { get; set; } = 2;
}

/// <summary>
/// Builds this node's index when it is missing (a fresh data folder, a restore, another field layout) while the
/// portal already serves pages (search says the index is being built meanwhile), then applies the search outbox
/// every few seconds, so a publish, withdrawal or correction is searchable at once.
/// </summary>
public sealed class SearchIndexerService(
    IServiceScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider clock, ArchiveCacheInvalidator cache,
    SearchVocabulary vocabulary, ILogger<SearchIndexerService> logger)
    : BackgroundService
{
    /// <summary>Polls between two readings of the vocabulary when nothing was published here (another node's synonym edits).</summary>
    private const int VocabularyEvery = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: StartAsync of the other hosted services and Kestrel do not wait for the build.
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        var polls = 0;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
                var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
                if (polls++ % VocabularyEvery == 0)
                {
                    // First before the first build, so the first searches already know the bylines' names; then now and
                    // then for synonyms edited on another node.
                    await vocabulary.RefreshAsync(db, stoppingToken);
                }

                var built = await indexer.EnsureBuiltAsync(stoppingToken);
                var changed = await indexer.ApplyPendingAsync(stoppingToken) > 0 || built;
                if (changed)
                {
                    await vocabulary.RefreshAsync(db, stoppingToken);
                    // Search pages change with the index; and what another node published reaches this node's cache here.
                    cache.EvictAll();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Building the search index or applying the search outbox failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
