using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Data;

namespace Newsletter.IntegrationTests.Data;

[Collection(SharedPortal.Name)]
public class DatabaseTests(PortalFactory portal)
{
    [Fact]
    public async Task Start_up_creates_the_sqlite_file_in_the_data_folder_through_the_migrations()
    {
        _ = portal.Services;
        var file = Path.Combine(portal.DataPath, "newsletter.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }

        var expected = await portal.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied);
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add <Name> --context SqliteNewsletterDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void Sql_server_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerNewsletterDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void Sql_server_idempotent_script_is_generated_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Issues]", script);
        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("WHERE [SerialNumber] IS NOT NULL", script);
    }

    [Fact]
    public async Task Concurrent_edits_of_one_issue_are_detected_not_lost()
    {
        await using var scope1 = portal.Services.CreateAsyncScope();
        await using var scope2 = portal.Services.CreateAsyncScope();
        var first = scope1.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var second = scope2.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var a = await first.Issues.SingleAsync(i => i.SerialNumber == 65);
        var b = await second.Issues.SingleAsync(i => i.SerialNumber == 65);

        a.Copies = 300;
        await first.SaveChangesAsync();
        b.Copies = 500;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var stored = await portal.WithDbAsync(db => db.Issues.AsNoTracking().SingleAsync(i => i.SerialNumber == 65));
        Assert.Equal(300, stored.Copies);
        Assert.Equal(a.Version, stored.Version);

        // Leave the shared issue as the seed made it.
        a.Copies = null;
        await first.SaveChangesAsync();
    }
}
