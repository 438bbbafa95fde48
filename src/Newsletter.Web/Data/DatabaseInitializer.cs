using Microsoft.EntityFrameworkCore;

namespace Newsletter.Web.Data;

/// <summary>
/// On start, before anything else: applies the migrations of the configured provider. The features then seed what
/// they own (Program.cs): the roles and first administrator, then the seed issues.
/// </summary>
public sealed class DatabaseInitializer(NewsletterDbContext db)
{
    public Task InitializeAsync(CancellationToken ct = default) => db.Database.MigrateAsync(ct);
}
