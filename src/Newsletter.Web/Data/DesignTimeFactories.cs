using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Newsletter.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsletterDbContext>
{
    public SqliteNewsletterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
            .UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context with no server running.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerNewsletterDbContext>
{
    public SqlServerNewsletterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerNewsletterDbContext>()
            .UseSqlServer("Server=localhost;Database=Newsletter;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
