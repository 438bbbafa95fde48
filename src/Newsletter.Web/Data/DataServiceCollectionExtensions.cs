using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NewsletterDbContext"/> on the provider that <c>Database:Provider</c> names,
    /// with <c>ConnectionStrings:Newsletter</c> (SQLite defaults to a file in the data folder).
    /// </summary>
    public static IServiceCollection AddNewsletterDatabase(
        this IServiceCollection services, IConfiguration configuration, DataPaths paths)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        var connectionString = configuration.GetConnectionString("Newsletter");

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider 为 SqlServer 时必须设置 ConnectionStrings:Newsletter。");
                }

                services.AddDbContext<NewsletterDbContext, SqlServerNewsletterDbContext>((sp, o) =>
                    o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                        .AddInterceptors(sp.GetRequiredService<ArchiveCacheInvalidator>()));
                break;
            default:
                services.AddDbContext<NewsletterDbContext, SqliteNewsletterDbContext>((sp, o) =>
                    o.UseSqlite(string.IsNullOrWhiteSpace(connectionString)
                        ? $"Data Source={paths.SqliteFile}"
                        : connectionString)
                        .AddInterceptors(sp.GetRequiredService<ArchiveCacheInvalidator>()));
                break;
        }

        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<ArchiveCacheInvalidator>();
        return services;
    }
}
