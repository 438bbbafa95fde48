using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.IntegrationTests.Features.Search;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Articles;
using Newsletter.Web.Features.Issues;
using Newsletter.Web.Features.Sections;
using Newsletter.Web.Features.Shared;

namespace Newsletter.IntegrationTests.Features.Backup;

/// <summary>
/// A portal with the seed and one issue published in the test, backed up by the <c>backup</c> verb (its own
/// process) while the portal keeps running.
/// </summary>
public sealed class BackedUpPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public string BackupFolder { get; } = BackupRestoreTests.TempFolder();

    public string BackupOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        var (exitCode, output) = await PortalProcess.RunVerbAsync(Portal.DataPath, "backup", BackupFolder);
        BackupOutput = output;
        Assert.True(exitCode == 0, output);
    }

    public Task DisposeAsync()
    {
        Portal.Dispose();
        BackupRestoreTests.Delete(BackupFolder);
        return Task.CompletedTask;
    }
}

public sealed class BackupRestoreTests(BackedUpPortal backedUp) : IClassFixture<BackedUpPortal>, IDisposable
{
    private readonly List<string> folders = [];
    private readonly List<PortalFactory> portals = [];

    internal static string TempFolder() => Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));

    internal static void Delete(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose()
    {
        portals.ForEach(p => p.Dispose());
        folders.ForEach(Delete);
    }

    private string Folder()
    {
        var folder = TempFolder();
        folders.Add(folder);
        return folder;
    }

    [Fact]
    public async Task The_backup_holds_the_database_the_index_and_a_manifest_with_checksums()
    {
        Assert.Contains("2 期（其中已发布 2 期）", backedUp.BackupOutput);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(backedUp.BackupFolder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(2, root.GetProperty("publishedIssues").GetInt32());
        var lastMigration = await backedUp.Portal.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));
        Assert.Equal(lastMigration, root.GetProperty("migration").GetString());
        var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!);
        Assert.Contains("newsletter.db", files.Keys);
        Assert.Contains(files.Keys, f => f.StartsWith("index/segments_", StringComparison.Ordinal));
        Assert.DoesNotContain(files.Keys, f => f.EndsWith("write.lock", StringComparison.Ordinal) || f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(f.Value, Sha256(Path.Combine(backedUp.BackupFolder, f.Key))));
    }

    [Fact]
    public async Task A_restored_backup_serves_the_same_issues_articles_and_search()
    {
        var dataPath = Folder();
        var (exitCode, output) = await PortalProcess.RunVerbAsync(dataPath, "restore", backedUp.BackupFolder);
        Assert.True(exitCode == 0, output);
        Assert.Contains("已恢复", output);

        var restored = new PortalFactory { DataPath = dataPath, SeedsPath = Folder() };
        portals.Add(restored);
        var urls = await backedUp.Portal.WithDbAsync(async db =>
        {
            var issues = await db.Issues.AsNoTracking().Where(i => i.Status == IssueStatus.Published).Include(i => i.Articles).ToListAsync();
            return issues.Select(ArchiveUrls.Issue).Concat(issues.SelectMany(i => i.Articles).Select(ArchiveUrls.Article)).Prepend("/").ToList();
        });
        Assert.Equal(1 + 2 + 16, urls.Count);
        var original = backedUp.Portal.CreateClient();
        var copy = restored.CreateClient();
        foreach (var url in urls)
        {
            var (expected, actual) = (await MainAsync(original, url), await MainAsync(copy, url));
            Assert.Equal(expected, actual);
        }

        Assert.Equal(1, (await SearchPage.GetAsync(copy, "婚育新风")).Count);
        Assert.Equal(2, (await SearchPage.GetAsync(copy, "托育")).Count);

        // The accounts came along: the editor signs in with the password set before the backup.
        var editor = await restored.SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editorial/issues")).StatusCode);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_nothing_changes()
    {
        var damaged = Folder();
        Copy(backedUp.BackupFolder, damaged);
        var database = Path.Combine(damaged, "newsletter.db");
        var bytes = File.ReadAllBytes(database);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(database, bytes);

        var fresh = Folder();
        var (exitCode, output) = await PortalProcess.RunVerbAsync(fresh, "restore", damaged);
        Assert.Equal(1, exitCode);
        Assert.Contains("备份已损坏或不完整：文件 newsletter.db 与备份时不一致", output);
        Assert.Contains("未做任何更改", output);
        Assert.False(File.Exists(Path.Combine(fresh, "newsletter.db")));
        Assert.False(Directory.Exists(Path.Combine(fresh, "index")));

        // Over a data folder in use, even with --force: every file stays as it was.
        var existing = Folder();
        Assert.Equal(0, (await PortalProcess.RunVerbAsync(existing, "restore", backedUp.BackupFolder)).ExitCode);
        var before = Hashes(existing);
        (exitCode, output) = await PortalProcess.RunVerbAsync(existing, "restore", damaged, "--force");
        Assert.Equal(1, exitCode);
        Assert.Contains("未做任何更改", output);
        Assert.Equal(before, Hashes(existing));

        File.Delete(Path.Combine(damaged, "manifest.json"));
        (exitCode, output) = await PortalProcess.RunVerbAsync(fresh, "restore", damaged);
        Assert.Equal(1, exitCode);
        Assert.Contains("没有 manifest.json", output);
    }

    [Theory]
    [InlineData("index/../newsletter.db")]
    [InlineData("index/{outside}")]
    public async Task A_manifest_path_leading_out_of_its_folder_is_refused_and_nothing_changes(string path)
    {
        var tampered = Folder();
        Copy(backedUp.BackupFolder, tampered);
        var outside = Path.Combine(Folder(), "备份以外.txt"); // an absolute path: /tmp/…
        path = path.Replace("{outside}", outside, StringComparison.Ordinal);
        var file = Path.GetFullPath(Path.Combine(tampered, path)); // where the backup's check looks: inside the backup
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "写到数据文件夹以外的内容");
        }

        var manifestPath = Path.Combine(tampered, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllBytes(manifestPath))!;
        manifest["files"]!.AsArray().Add(new JsonObject
        {
            ["path"] = path, ["size"] = new FileInfo(file).Length, ["sha256"] = Sha256(file),
        });
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        // A data folder with a database of its own (not the backup's), stopped: restore --force would replace it.
        var existing = Folder();
        Assert.Equal(0, (await PortalProcess.RunVerbAsync(existing, "restore", backedUp.BackupFolder)).ExitCode);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(existing, "newsletter.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 7";
            command.ExecuteNonQuery();
        }

        var before = Hashes(existing);
        var (exitCode, output) = await PortalProcess.RunVerbAsync(existing, "restore", tampered, "--force");

        Assert.True(exitCode == 1, output);
        Assert.Contains($"manifest.json 中的文件路径 {path} 不合规", output);
        Assert.Contains("未做任何更改", output);
        Assert.Equal(before, Hashes(existing));
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public async Task A_backup_into_a_non_empty_folder_is_refused()
    {
        var target = Folder();
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "笔记.txt"), "上个月的备份说明");

        var (exitCode, output) = await PortalProcess.RunVerbAsync(backedUp.Portal.DataPath, "backup", target);

        Assert.Equal(1, exitCode);
        Assert.Contains("不是空的", output);
        Assert.Equal(["笔记.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal("上个月的备份说明", File.ReadAllText(Path.Combine(target, "笔记.txt")));
    }

    [Fact]
    public async Task Restoring_over_a_database_needs_force_and_a_stopped_portal()
    {
        var dataPath = backedUp.Portal.DataPath;
        var before = Sha256(Path.Combine(dataPath, "newsletter.db"));

        var (exitCode, output) = await PortalProcess.RunVerbAsync(dataPath, "restore", backedUp.BackupFolder);
        Assert.Equal(1, exitCode);
        Assert.Contains("已有数据库", output);
        Assert.Contains("--force", output);

        (exitCode, output) = await PortalProcess.RunVerbAsync(dataPath, "restore", backedUp.BackupFolder, "--force");
        Assert.Equal(1, exitCode);
        Assert.Contains("门户正在使用这个数据文件夹", output);
        Assert.Equal(before, Sha256(Path.Combine(dataPath, "newsletter.db")));
    }

    private static async Task<string> MainAsync(HttpClient client, string url)
    {
        var (response, document, _) = await client.GetPageAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return document.QuerySelector("main")!.InnerHtml;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Every file of a data folder but the logs, with its checksum.</summary>
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).StartsWith("logs", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), Sha256);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
