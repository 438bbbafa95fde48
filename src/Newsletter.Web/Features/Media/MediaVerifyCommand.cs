using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Media;

/// <summary>
/// <c>dotnet Newsletter.Web.dll media verify [--delete-orphans]</c>: lists rows without files and folders without rows,
/// one line each, then a summary. Nothing is deleted unless asked; <c>--delete-orphans</c> removes only folders no row
/// refers to, and not those written in the last hour (an upload may be between writing its files and its row).
/// Exit code 0 when all is well afterwards, 1 when something is wrong, 2 wrong usage.
/// </summary>
public static class MediaVerifyCommand
{
    public const string Usage = "用法：dotnet Newsletter.Web.dll media verify [--delete-orphans]";

    /// <summary>How recent a folder may be and still be deleted as an orphan.</summary>
    public static readonly TimeSpan UploadGrace = TimeSpan.FromHours(1);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not ["verify", .. var options] || options.Any(o => o != "--delete-orphans"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MediaStore>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        if (await WhyNotReadyAsync(db) is { } why)
        {
            await output.WriteLineAsync(why);
            return 1;
        }

        var report = await MediaVerify.RunAsync(db, store);
        foreach (var row in report.Missing)
        {
            var what = row.IssueLabel is { } label ? $"原版 PDF（{label}，期 #{row.Id}"
                : (row.Kind == MediaKind.Picture ? "图片" : "附件") + $" #{row.Id}（文章 #{row.ArticleId}";
            await output.WriteLineAsync($"缺少文件：{what}，“{row.OriginalName}”）缺 "
                + (row.MissingFiles.Count > 0 ? string.Join("、", row.MissingFiles) : "全部尺寸（记录中没有登记尺寸）")
                + $"，应在 media/{row.Sha256[..2]}/{row.Sha256}/");
        }

        var deleted = 0;
        var deleting = options.Length > 0;
        foreach (var orphan in report.Orphans)
        {
            var line = $"没有记录：{orphan.Folder}（{orphan.Files} 个文件，{orphan.Bytes / 1024.0:0.#} KB）没有任何图片或附件记录引用";
            if (deleting && clock.GetUtcNow().UtcDateTime - orphan.LastWrittenUtc >= UploadGrace)
            {
                MediaVerify.Delete(store, orphan);
                deleted++;
                line += "，已删除";
            }
            else if (deleting)
            {
                line += "，一小时内刚写入（可能正在上传），未删除";
            }

            await output.WriteLineAsync(line + "。");
        }

        var orphansLeft = report.Orphans.Count - deleted;
        await output.WriteLineAsync(report.IsClean
            ? $"媒体文件完好：{report.Rows} 条记录的文件都在，{report.Folders} 个文件夹都有记录。"
            : $"检查了 {report.Rows} 条记录、{report.Folders} 个文件夹：{report.Missing.Count} 条记录缺少文件，"
                + $"{report.Orphans.Count} 个文件夹没有记录" + (deleting ? $"（已删除 {deleted} 个）" : orphansLeft > 0 ? "（加 --delete-orphans 可删除）" : "") + "。");
        return report.Missing.Count == 0 && orphansLeft == 0 ? 0 : 1;
    }

    /// <summary>Why the database cannot be checked (missing, or older than this program), in Chinese; null when it can.</summary>
    private static async Task<string?> WhyNotReadyAsync(NewsletterDbContext db)
    {
        // Opening a missing SQLite file would create an empty one, which a later restore would then refuse to replace.
        if (db.Database.IsSqlite() && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is var file && !File.Exists(file))
        {
            return $"未检查：没有找到数据库 {Path.GetFullPath(file)}。";
        }

        return (await db.Database.GetPendingMigrationsAsync()).Any()
            ? "未检查：数据库尚未升级到本程序的版本，请先启动一次门户（启动时自动升级），再运行 media verify。"
            : null;
    }
}
