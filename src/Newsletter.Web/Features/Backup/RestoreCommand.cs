using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Backup;

/// <summary>
/// <c>dotnet run --project src/Newsletter.Web -- restore &lt;folder&gt; [--force]</c>: puts a backup into the configured
/// data folder, with the portal stopped. Every file is checked against <c>manifest.json</c> before anything is
/// touched; an existing database is replaced only with <c>--force</c>. Exit code 0 done, 1 refused, 2 wrong usage.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var force = args.Contains("--force");
        if (args.Where(a => a != "--force").ToList() is not [var folder] || folder.StartsWith("--", StringComparison.Ordinal))
        {
            await output.WriteLineAsync("用法：dotnet run --project src/Newsletter.Web -- restore <备份文件夹> [--force]");
            return 2;
        }

        var source = Path.GetFullPath(folder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        var check = await CheckAsync(source, db, paths, force);
        if (check.Value is not { } manifest)
        {
            await output.WriteLineAsync($"未恢复：{check.Message}未做任何更改。");
            return 1;
        }

        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        ReplaceDatabase(Path.Combine(source, BackupManifest.DatabaseFile), database);

        // An index left from the replaced database would answer for the wrong data: without one in the
        // backup, the portal builds a new one at start.
        ReplaceFolder(source, manifest, BackupManifest.IndexFolder, paths.IndexFolder);

        // The media folder belongs to the database it came with: the replaced database's files go with it.
        var media = ReplaceFolder(source, manifest, BackupManifest.MediaFolder, paths.MediaFolder);

        var taken = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(manifest.CreatedAt, DateTimeKind.Utc), ChineseFormat.ChinaTime);
        await output.WriteLineAsync($"已恢复到 {paths.Root}：备份时间 {taken:yyyy-MM-dd HH:mm}（北京时间），{manifest.Issues} 期（其中已发布 {manifest.PublishedIssues} 期），图片和附件 {media} 个文件（均已核对校验值）。"
            + "现在可以启动门户；检索索引如落后于数据库，门户启动时会自动补齐。");
        return 0;
    }

    /// <summary>The verified manifest, or why the restore is refused.</summary>
    private static async Task<Outcome<BackupManifest>> CheckAsync(string source, NewsletterDbContext db, DataPaths paths, bool force)
    {
        if (!Directory.Exists(source))
        {
            return Outcome<BackupManifest>.Invalid($"没有找到备份文件夹 {source}。");
        }

        if (!db.Database.IsSqlite())
        {
            return Outcome<BackupManifest>.Invalid("数据库是 SQL Server，请用 SQL Server 自己的还原（RESTORE DATABASE）。");
        }

        var verified = await BackupManifest.VerifyAsync(source);
        if (verified.Value is not { } manifest)
        {
            return Outcome<BackupManifest>.Invalid($"备份已损坏或不完整：{verified.Message}");
        }

        var escaping = FilesUnder(manifest, BackupManifest.IndexFolder, paths.IndexFolder).FirstOrDefault(f => !IsInside(f.Target, paths.IndexFolder + ".restoring")).Path
            ?? FilesUnder(manifest, BackupManifest.MediaFolder, paths.MediaFolder).FirstOrDefault(f => !IsInside(f.Target, paths.MediaFolder + ".restoring")).Path;
        if (escaping is not null)
        {
            return Outcome<BackupManifest>.Invalid($"备份已损坏或不完整：{BackupManifest.Tampered(escaping)}");
        }

        if (manifest.Migration is { } migration && !db.Database.GetMigrations().Contains(migration))
        {
            return Outcome<BackupManifest>.Invalid($"这份备份来自较新版本的门户（数据库结构 {migration}），请先升级本程序再恢复。");
        }

        var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (File.Exists(database) && !force)
        {
            return Outcome<BackupManifest>.Invalid($"数据文件夹中已有数据库 {Path.GetFullPath(database)}。恢复会用备份替换它：请先停止门户，确认要替换后加 --force 再运行。");
        }

        return IndexSnapshot.IsInUse(paths.IndexFolder)
            ? Outcome<BackupManifest>.Invalid("门户正在使用这个数据文件夹（检索索引已被锁定），请先停止门户。")
            : Outcome.Ok(manifest);
    }

    /// <summary>The old database's journal files go first: SQLite would otherwise replay them into the restored file.</summary>
    private static void ReplaceDatabase(string backup, string database)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var partial = database + ".restoring";
        File.Copy(backup, partial, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(database + suffix);
        }

        File.Move(partial, database, overwrite: true);
    }

    /// <summary>
    /// The manifest's files under <paramref name="prefix"/> (index/, media/), each with where it is copied to (in
    /// <paramref name="folder"/>'s <c>.restoring</c> copy).
    /// </summary>
    private static IEnumerable<(string Path, string Target)> FilesUnder(BackupManifest manifest, string prefix, string folder) =>
        manifest.Files.Where(f => f.Path.StartsWith(prefix + "/", StringComparison.Ordinal))
            .Select(f => (f.Path, Path.GetFullPath(Path.Combine(folder + ".restoring", f.Path[(prefix.Length + 1)..]))));

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Replaces <paramref name="folder"/> with the files the manifest lists under <paramref name="prefix"/> (checked ones only); returns how many.</summary>
    private static int ReplaceFolder(string source, BackupManifest manifest, string prefix, string folder)
    {
        var count = 0;
        var partial = folder + ".restoring";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        foreach (var (path, target) in FilesUnder(manifest, prefix, folder))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, path), target);
            count++;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (Directory.Exists(partial))
        {
            Directory.Move(partial, folder);
        }

        return count;
    }
}
