using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps
/// its own migration set (Migrations/Sqlite, Migrations/SqlServer). The clock is the registered <see cref="TimeProvider"/>;
/// a context made by hand (the backup's copy, a test) uses the system clock.
/// </summary>
public abstract class NewsletterDbContext(DbContextOptions options, TimeProvider? clock = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Data Protection keys (sign-in cookies, antiforgery tokens), shared by every node on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Issue> Issues => Set<Issue>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();

    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();

    public DbSet<Correction> Corrections => Set<Correction>();

    public DbSet<IssueCorrection> IssueCorrections => Set<IssueCorrection>();

    public DbSet<SensitiveWord> SensitiveWords => Set<SensitiveWord>();

    public DbSet<SearchSynonym> SearchSynonyms => Set<SearchSynonym>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationContact> OrganizationContacts => Set<OrganizationContact>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<Dispatch> Dispatches => Set<Dispatch>();

    public DbSet<DispatchRecipient> DispatchRecipients => Set<DispatchRecipient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsletterDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.IssueConfiguration).Namespace);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        EnqueueSearchUpdates();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        EnqueueSearchUpdates();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Whatever changes what readers can find — an issue published, withdrawn or re-published, an article of
    /// a published issue corrected — leaves a search-outbox entry in the same transaction.
    /// </summary>
    private void EnqueueSearchUpdates()
    {
        var issues = new HashSet<Issue>();
        var issueIds = new HashSet<int>();
        foreach (var entry in ChangeTracker.Entries<Issue>())
        {
            var statusChanged = entry.State == EntityState.Modified && entry.Property(i => i.Status).IsModified
                && entry.Property(i => i.Status).OriginalValue != entry.Entity.Status;
            var visible = entry.Entity.Status is IssueStatus.Published;
            if ((entry.State == EntityState.Added && visible) || statusChanged || (entry.State == EntityState.Modified && visible))
            {
                issues.Add(entry.Entity);
            }
        }

        foreach (var entry in ChangeTracker.Entries<Article>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity.Issue is { } issue)
            {
                if (issue.Status is IssueStatus.Published)
                {
                    issues.Add(issue);
                }
            }
            else if (entry.Entity.IssueId is { } id)
            {
                issueIds.Add(id);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var issue in issues)
        {
            SearchOutbox.Add(issue.Id > 0 ? new SearchOutboxEntry { IssueId = issue.Id, CreatedAt = now } : new SearchOutboxEntry { Issue = issue, CreatedAt = now });
        }

        foreach (var id in issueIds.Where(id => issues.All(i => i.Id != id)))
        {
            SearchOutbox.Add(new SearchOutboxEntry { IssueId = id, CreatedAt = now });
        }
    }

    /// <summary>
    /// SQLite cannot generate row versions, so every modified entity raises its own.
    /// The audit log is append-only: changing or deleting an entry is a bug and is refused.
    /// </summary>
    private void BumpVersions()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("操作日志只能追加，不能修改或删除。");
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}

public sealed class SqliteNewsletterDbContext(DbContextOptions<SqliteNewsletterDbContext> options, TimeProvider? clock = null)
    : NewsletterDbContext(options, clock);

public sealed class SqlServerNewsletterDbContext(DbContextOptions<SqlServerNewsletterDbContext> options, TimeProvider? clock = null)
    : NewsletterDbContext(options, clock);
