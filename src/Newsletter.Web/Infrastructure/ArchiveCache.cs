using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Primitives;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Infrastructure;

/// <summary>Configuration section <c>OutputCache</c>.</summary>
public sealed class ArchiveCacheOptions
{
    public const string SectionName = "OutputCache";

    /// <summary>
    /// How long an anonymous reading page is kept. This node evicts at once whatever it changes; another node's
    /// change reaches this cache through the search outbox (seconds) or, for anything else, after this time.
    /// </summary>
    public int Seconds { get; set; } = 300;
}

/// <summary>
/// Output caching of the reading pages for anonymous readers only — members see members-only issues and their
/// own name in the header, so their pages are never stored nor served from the cache. Every stored page carries
/// the tag <see cref="Tag"/>, evicted when anything readers can see changes. With <paramref name="storeOnSecondRequest"/>
/// (search pages, whose addresses are as many as the queries people type) a page is stored only when its address is asked
/// for a second time within about the expiration: most queries are asked once, and storing each of them filled the cache
/// with pages nobody asks for again, at a cost to every uncached search (issue 19's profile) and to memory.
/// </summary>
public sealed class ArchiveCachePolicy(TimeSpan expiration, bool storeOnSecondRequest = false) : IOutputCachePolicy
{
    public const string Name = "archive";

    /// <summary>The search page's policy: stored on the second request (<see cref="RecentRequests"/>).</summary>
    public const string SearchName = "archive-search";

    private readonly RecentRequests? recent = storeOnSecondRequest ? new RecentRequests(expiration) : null;

    public const string Tag = "archive";

    private const string GenerationItem = "ArchiveCacheGeneration";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        http.Items[GenerationItem] = http.RequestServices.GetRequiredService<ArchiveCacheInvalidator>().Generation;
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable && (recent is null || recent.SeenBefore(http.Request.Path + http.Request.QueryString));
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = expiration;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        // A page that sets a cookie (an antiforgery token, a message) belongs to one visitor; only plain 200s are shared.
        // A page rendered while an eviction happened may show the old content: it is served but not stored.
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || http.Items[GenerationItem] is not long generation
            || generation != http.RequestServices.GetRequiredService<ArchiveCacheInvalidator>().Generation)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Evicts the cached reading pages when a save changes what readers can see: issues, articles, sections,
/// corrections, the publication, the media files (an attachment added to a published article). Inside an explicit transaction the eviction waits for the commit, so that a
/// reader between the save and the commit cannot put the old page back for good.
/// </summary>
public sealed class ArchiveCacheInvalidator(IOutputCacheStore store, ILogger<ArchiveCacheInvalidator> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly Type[] ReaderVisible = [typeof(Issue), typeof(Article), typeof(Section), typeof(Correction), typeof(Publication), typeof(MediaFile)];

    private readonly ConditionalWeakTable<DbContext, StrongBox<bool>> pending = new();

    private long generation;

    /// <summary>Raised by every eviction; a page whose rendering spans an eviction is not stored.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EvictUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => EvictIfPending(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EvictIfPending(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Evicts every cached reading page of this node.</summary>
    public void EvictAll() => Evict();

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && ReaderVisible.Contains(e.Metadata.ClrType));
        if (changed)
        {
            pending.AddOrUpdate(context, new StrongBox<bool>(true));
        }
    }

    private void EvictUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            EvictIfPending(context);
        }
    }

    private void EvictIfPending(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var flag) && flag.Value)
        {
            pending.Remove(context);
            Evict();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private void Evict()
    {
        Interlocked.Increment(ref generation);
        EvictStore();
        // A page whose response had already started when the eviction came may still be stored with the old content:
        // evict once more a moment later.
        _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => EvictStore(), TaskScheduler.Default);
    }

    private void EvictStore()
    {
        // The memory store evicts synchronously; a failure only leaves pages until they expire.
        var eviction = store.EvictByTagAsync(ArchiveCachePolicy.Tag, CancellationToken.None);
        if (!eviction.IsCompletedSuccessfully)
        {
            _ = eviction.AsTask().ContinueWith(t => logger.LogWarning(t.Exception, "Evicting the cached reading pages failed"),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }
}

/// <summary>
/// The addresses asked for within about one window (two generations of at most <paramref name="capacity"/> addresses
/// each, the older dropped when the newer is full or a window old), so that memory stays bounded whatever is asked.
/// An address longer than <see cref="MaxLength"/> counts as never seen.
/// </summary>
public sealed class RecentRequests(TimeSpan window, int capacity = 20_000)
{
    public const int MaxLength = 512;

    private readonly System.Threading.Lock gate = new();
    private ConcurrentDictionary<string, byte> current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, byte> previous = new(StringComparer.Ordinal);
    private int count;
    private long startedAt = Environment.TickCount64;

    /// <summary>Whether <paramref name="address"/> was asked for before within the window; remembers it either way.</summary>
    public bool SeenBefore(string address)
    {
        if (address.Length > MaxLength)
        {
            return false;
        }

        if (Volatile.Read(ref count) >= capacity || Environment.TickCount64 - Volatile.Read(ref startedAt) > window.TotalMilliseconds)
        {
            lock (gate)
            {
                if (count >= capacity || Environment.TickCount64 - startedAt > window.TotalMilliseconds)
                {
                    (previous, current) = (current, new(StringComparer.Ordinal));
                    count = 0;
                    startedAt = Environment.TickCount64;
                }
            }
        }

        var (now, before) = (current, previous);
        if (!now.TryAdd(address, 0))
        {
            return true;
        }

        Interlocked.Increment(ref count);
        return before.ContainsKey(address);
    }
}
