using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Backup;

/// <summary>
/// <c>dotnet run --project src/Newsletter.Web -- backup &lt;folder&gt;</c>: a consistent copy of the data folder's state
/// while the portal keeps running — the search index's latest commit, then the SQLite database through SQLite's
/// online backup (which holds the Data Protection keys too), then the media files its rows name (<c>media/…</c>), and last
/// <c>manifest.json</c> with every file's SHA-256. Exit code 0 done, 1 refused or failed,
/// 2 wrong usage.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not [var folder] || folder.StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("用法：dotnet run --project src/Newsletter.Web -- backup <备份文件夹>");
            return 2;
        }

        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await output.WriteLineAsync($"未备份：文件夹 {target} 不是空的。为免覆盖已有文件，请指定一个新的或空的文件夹。");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("未备份：数据库是 SQL Server，请用 SQL Server 自己的备份（BACKUP DATABASE）；本命令只备份 SQLite 数据库。");
            return 1;
        }

        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(source.DataSource))
        {
            await output.WriteLineAsync($"未备份：没有找到数据库 {source.DataSource}。");
            return 1;
        }

        var createdFolder = !Directory.Exists(target);
        Directory.CreateDirectory(target);
        try
        {
            // The index first: its commit then never runs ahead of the database copy, and after a restore the
            // portal catches it up from the search outbox.
            var position = IndexSnapshot.Copy(paths.IndexFolder, Path.Combine(target, BackupManifest.IndexFolder));
            var (migration, issues, published, hashes) = await CopyDatabaseAsync(source.ToString(), Path.Combine(target, BackupManifest.DatabaseFile));

            // After the database: files are written before their row and freed after it, so the copy's rows find theirs.
            var media = MediaCopy.Copy(paths.MediaFolder, Path.Combine(target, BackupManifest.MediaFolder), hashes);
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var manifest = new BackupManifest(1, clock.GetUtcNow().UtcDateTime, AppVersion, migration, issues, published, position,
                await BackupManifest.DescribeAsync(target));
            await manifest.WriteAsync(target);
            await output.WriteLineAsync($"已备份到 {target}：数据库 {issues} 期（其中已发布 {published} 期），"
                + (position is null ? "没有检索索引（恢复后启动时重建）" : "检索索引") + $"，图片和附件 {media.Files} 个文件；共 {manifest.Files.Count} 个文件，"
                + $"{manifest.Files.Sum(f => f.Size) / 1024.0:0.#} KB。");
            if (media.Missing.Count > 0)
            {
                await output.WriteLineAsync($"注意：数据库登记的 {media.Missing.Count} 个媒体文件夹不在数据文件夹中（{string.Join("、", media.Missing.Take(5))}），"
                    + "备份中也没有。请运行 media verify 查看。");
            }
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException or Lucene.Net.Index.CorruptIndexException)
        {
            if (createdFolder)
            {
                Directory.Delete(target, recursive: true);
            }

            await output.WriteLineAsync($"备份失败：{ex.Message}" + (createdFolder ? "" : $" 文件夹 {target} 中的内容不完整，请清空后重试。"));
            return 1;
        }
    }

    private static string AppVersion =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>SQLite's online backup: a snapshot of one moment, taken while the portal keeps writing (WAL).</summary>
    private static async Task<(string? Migration, int Issues, int Published, IReadOnlySet<string> MediaHashes)> CopyDatabaseAsync(string source, string file)
    {
        await using var from = new SqliteConnection(source);
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await from.OpenAsync();
        await to.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                from.BackupDatabase(to);
                break;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < 20) // SQLITE_BUSY, SQLITE_LOCKED
            {
                await Task.Delay(250);
            }
        }

        await using (var check = to.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync() is not "ok")
            {
                throw new IOException("数据库副本未通过完整性检查。");
            }
        }

        await using var copy = new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>().UseSqlite(to).Options);
        var migration = (await copy.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal).LastOrDefault();
        // Pictures and attachments, and the 原版 PDF of imported back issues, all in the media folder.
        var hashes = await copy.MediaFiles.Select(m => m.Sha256)
            .Concat(copy.Issues.Where(i => i.OriginalSha256 != null).Select(i => i.OriginalSha256!)).Distinct().ToListAsync();
        return (migration, await copy.Issues.CountAsync(), await copy.Issues.CountAsync(i => i.Status == IssueStatus.Published),
            hashes.ToHashSet(StringComparer.Ordinal));
    }
}
