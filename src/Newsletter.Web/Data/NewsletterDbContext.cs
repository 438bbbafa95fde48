using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps
/// its own migration set (Migrations/Sqlite, Migrations/SqlServer).
/// </summary>
public abstract class NewsletterDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Issue> Issues => Set<Issue>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Article> Articles => Set<Article>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsletterDbContext).Assembly,
            type => type.Namespace == typeof(Configurations.IssueConfiguration).Namespace);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>SQLite cannot generate row versions, so every modified entity raises its own.</summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}

public sealed class SqliteNewsletterDbContext(DbContextOptions<SqliteNewsletterDbContext> options)
    : NewsletterDbContext(options);

public sealed class SqlServerNewsletterDbContext(DbContextOptions<SqlServerNewsletterDbContext> options)
    : NewsletterDbContext(options);
