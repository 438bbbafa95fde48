using System.Net;
using System.Text.Json;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>
/// <c>media verify</c> (its own process, beside the running portal) and the /healthz media entry, each on a portal of
/// its own: the health entry is kept for a minute, so the first /healthz of a portal is the one asserted.
/// </summary>
public sealed class MediaVerifyTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Verify_reports_a_row_whose_file_is_gone_exits_1_and_healthz_is_degraded()
    {
        var (picture, attachment) = await UploadBothAsync();
        var (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify");
        Assert.True(exitCode == 0, output);
        Assert.Contains("媒体文件完好：2 条记录的文件都在，2 个文件夹都有记录。", output);

        var row = (await portal.MediaRowAsync(picture))!;
        var largest = row.VariantNames[^1] + row.Extension;
        File.Delete(Path.Combine(MediaSteps.FolderOf(portal, row.Sha256), largest));

        (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify");

        Assert.True(exitCode == 1, output);
        Assert.Contains($"缺少文件：图片 #{picture}（文章 #{row.ArticleId}，“调研.png”）缺 {largest}，应在 media/{row.Sha256[..2]}/{row.Sha256}/", output);
        Assert.DoesNotContain($"#{attachment}", output);
        Assert.Contains("检查了 2 条记录、2 个文件夹：1 条记录缺少文件，0 个文件夹没有记录。", output);

        using var health = JsonDocument.Parse(await portal.CreateClient().GetStringAsync("/healthz"));
        Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        var media = health.RootElement.GetProperty("checks").GetProperty("media");
        Assert.Equal("Degraded", media.GetProperty("status").GetString());
        Assert.Equal("有 1 个图片或附件缺少文件（运行 media verify 查看）", media.GetProperty("description").GetString());
        Assert.Equal(2, media.GetProperty("data").GetProperty("rows").GetInt32());
        Assert.Equal(1, media.GetProperty("data").GetProperty("rowsWithoutFiles").GetInt32());
    }

    [Fact]
    public async Task Verify_reports_a_stray_folder_and_deletes_it_only_when_asked_and_old_enough()
    {
        var (picture, _) = await UploadBothAsync();
        var stray = new string('e', 64);
        var folder = MediaSteps.FolderOf(portal, stray);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "full.png"), MediaSteps.Png(8, 8, seed: 205));

        var (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify");
        Assert.True(exitCode == 1, output);
        Assert.Contains($"没有记录：media/ee/{stray}（1 个文件，", output);
        Assert.Contains("1 个文件夹没有记录（加 --delete-orphans 可删除）。", output);
        Assert.True(Directory.Exists(folder));

        // Just written: it may be an upload between its files and its row.
        (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify", "--delete-orphans");
        Assert.True(exitCode == 1, output);
        Assert.Contains("一小时内刚写入（可能正在上传），未删除", output);
        Assert.True(Directory.Exists(folder));

        var old = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "full.png"), old);
        Directory.SetLastWriteTimeUtc(folder, old);
        (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify", "--delete-orphans");
        Assert.True(exitCode == 0, output);
        Assert.Contains("，已删除。", output);
        Assert.False(Directory.Exists(Path.GetDirectoryName(folder)));
        var row = (await portal.MediaRowAsync(picture))!;
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync(Roles.Editor)).GetAsync(MediaSteps.LargestUrl(row))).StatusCode);

        (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify", "--fix");
        Assert.Equal(2, exitCode);
        Assert.Contains("用法：dotnet Newsletter.Web.dll media verify [--delete-orphans]", output);
    }

    [Fact]
    public async Task Healthz_has_a_healthy_media_entry_when_every_row_has_its_files()
    {
        await UploadBothAsync();

        var response = await portal.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var media = health.RootElement.GetProperty("checks").GetProperty("media");
        Assert.Equal("图片和附件的文件齐全", media.GetProperty("description").GetString());
        Assert.Equal(2, media.GetProperty("data").GetProperty("rows").GetInt32());
        Assert.Equal(0, media.GetProperty("data").GetProperty("rowsWithoutFiles").GetInt32());
    }

    [Fact]
    public async Task Verify_on_a_folder_without_a_database_says_so_and_creates_nothing()
    {
        var empty = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await PortalProcess.RunVerbAsync(empty, "media", "verify");

            Assert.True(exitCode == 1, output);
            Assert.Contains("未检查：没有找到数据库", output);
            Assert.False(File.Exists(Path.Combine(empty, "newsletter.db")));
        }
        finally
        {
            Features.Backup.BackupRestoreTests.Delete(empty);
        }
    }

    private async Task<(int Picture, int Attachment)> UploadBothAsync()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var articleId = await editor.WriteArticleAsync("玉林市计生协调研家庭发展", "调研组走访了三个乡镇。");
        var picture = await editor.UploadAsync(articleId, "调研.png", MediaSteps.Png(60, 40, seed: 201), caption: "图为调研现场");
        var attachment = await editor.UploadAsync(articleId, "调研报告.pdf", MediaSteps.Pdf("report"), kind: "attachment");
        return (picture, attachment);
    }
}
