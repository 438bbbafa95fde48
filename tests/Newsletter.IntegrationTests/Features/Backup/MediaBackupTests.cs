using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Media;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Backup;

/// <summary>
/// A published public article with a picture and an attachment (uploaded through the form as 更正), backed up by the
/// <c>backup</c> verb beside the running portal and restored by <c>restore</c> into new data folders.
/// </summary>
public sealed class MediaBackupTests : IDisposable
{
    private readonly PortalFactory portal = new();
    private readonly List<string> folders = [];
    private readonly List<PortalFactory> portals = [];

    public void Dispose()
    {
        portals.ForEach(p => p.Dispose());
        portal.Dispose();
        folders.ForEach(BackupRestoreTests.Delete);
    }

    [Fact]
    public async Task Restore_into_a_new_folder_serves_the_same_picture_and_attachment_bytes()
    {
        var (picture, attachment, backup) = await BackUpAsync();
        var anonymous = portal.CreateClient();
        var pictureUrl = MediaSteps.LargestUrl((await portal.MediaRowAsync(picture))!);
        var pictureBytes = await anonymous.GetByteArrayAsync(pictureUrl);
        var attachmentBytes = await anonymous.GetByteArrayAsync(MediaPaths.Download(attachment));

        // Every stored file of both rows is in the manifest, with its SHA-256.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(backup, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!);
        var stored = Directory.EnumerateFiles(Path.Combine(portal.DataPath, "media"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(stored);
        foreach (var file in stored)
        {
            var path = "media/" + Path.GetRelativePath(Path.Combine(portal.DataPath, "media"), file).Replace('\\', '/');
            Assert.True(listed.TryGetValue(path, out var sha), $"{path} is not in the manifest");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), sha);
        }

        var dataPath = Folder();
        var (exitCode, output) = await PortalProcess.RunVerbAsync(dataPath, "restore", backup);
        Assert.True(exitCode == 0, output);
        Assert.Contains($"图片和附件 {stored.Count} 个文件（均已核对校验值）", output);

        var restored = new PortalFactory { DataPath = dataPath, SeedsPath = Folder() };
        portals.Add(restored);
        var reader = restored.CreateClient();
        var response = await reader.GetAsync(pictureUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(pictureBytes, await response.Content.ReadAsByteArrayAsync());
        var download = await reader.GetAsync(MediaPaths.Download(attachment));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(attachmentBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("调研报告.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(0, (await PortalProcess.RunVerbAsync(dataPath, "media", "verify")).ExitCode);
    }

    [Fact]
    public async Task A_changed_picture_in_the_backup_is_refused_and_nothing_changes()
    {
        var (picture, _, backup) = await BackUpAsync();
        var row = (await portal.MediaRowAsync(picture))!;
        var file = Path.Combine(backup, "media", row.Sha256[..2], row.Sha256, row.VariantNames[^1] + row.Extension);
        var bytes = File.ReadAllBytes(file);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var fresh = Folder();
        var (exitCode, output) = await PortalProcess.RunVerbAsync(fresh, "restore", backup);

        Assert.Equal(1, exitCode);
        Assert.Contains($"文件 media/{row.Sha256[..2]}/{row.Sha256}/{row.VariantNames[^1]}{row.Extension} 与备份时不一致", output);
        Assert.Contains("未做任何更改", output);
        Assert.False(File.Exists(Path.Combine(fresh, "newsletter.db")));
        Assert.False(Directory.Exists(Path.Combine(fresh, "media")));
    }

    [Fact]
    public async Task Restore_with_force_replaces_the_media_folder_with_the_backups()
    {
        var (picture, _, backup) = await BackUpAsync();
        var dataPath = Folder();
        Assert.Equal(0, (await PortalProcess.RunVerbAsync(dataPath, "restore", backup)).ExitCode);
        var left = Path.Combine(dataPath, "media", "ff", new string('f', 64));
        Directory.CreateDirectory(left);
        File.WriteAllText(Path.Combine(left, "file.pdf"), "%PDF-1.4 另一个数据库的附件");
        var row = (await portal.MediaRowAsync(picture))!;
        var largest = Path.Combine(dataPath, "media", row.Sha256[..2], row.Sha256, row.VariantNames[^1] + row.Extension);
        File.Delete(largest);

        var (exitCode, output) = await PortalProcess.RunVerbAsync(dataPath, "restore", backup, "--force");

        Assert.True(exitCode == 0, output);
        Assert.False(Directory.Exists(Path.GetDirectoryName(left)));
        Assert.True(File.Exists(largest));
        Assert.False(Directory.Exists(Path.Combine(dataPath, "media.restoring")));
    }

    /// <summary>Publishes an article, adds a picture and an attachment to it as 更正, and backs the portal up.</summary>
    private async Task<(int Picture, int Attachment, string Backup)> BackUpAsync()
    {
        var issueId = await portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).SingleAsync());
        var editor = await portal.SignedInAsync(Roles.Editor);
        var picture = await editor.UploadAsync(articleId, "宣传活动.png", MediaSteps.Png(120, 80, seed: 301), caption: "图为宣传活动现场");
        var attachment = await editor.UploadAsync(articleId, "调研报告.pdf", MediaSteps.Pdf("backup"), kind: "attachment");
        var backup = Folder();
        var (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "backup", backup);
        Assert.True(exitCode == 0, output);
        Assert.Contains("图片和附件", output);
        return (picture, attachment, backup);
    }

    private string Folder()
    {
        var folder = BackupRestoreTests.TempFolder();
        folders.Add(folder);
        return folder;
    }
}
