using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Backup;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Import;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Issues;

/// <summary>
/// 原版 PDF: the printed PDF of 总第65期 (the unit tests' LibreOffice fixture) imported through the import page is kept
/// with the issue, offered to editors before publication and to readers on the issue's page after it, with the issue's
/// visibility; <c>media verify</c> and <c>backup</c> know its file.
/// </summary>
public sealed class OriginalPdfTests : IAsyncLifetime
{
    private const string FileName = "工作通讯2023年第2期.pdf";

    private static readonly byte[] Printed = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(SeedFiles.Folder)!,
        "tests", "Newsletter.UnitTests", "Features", "Editorial", "Import", "Fixtures", "issue-65.libreoffice.pdf"));

    private readonly string seeds = Directory.CreateTempSubdirectory("newsletter-no-seeds").FullName;
    private readonly List<string> folders = [];
    private PortalFactory portal = null!;

    public Task InitializeAsync()
    {
        portal = new PortalFactory { SeedsPath = seeds };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        Directory.Delete(seeds, recursive: true);
        folders.ForEach(BackupRestoreTests.Delete);
    }

    /// <summary>The fixture uploaded by an editor: a draft issue's id.</summary>
    private async Task<int> ImportAsync(HttpClient editor)
    {
        var response = await ImportPageTests.UploadAsync(editor, Printed, FileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await portal.WithDbAsync(db => db.Issues.Where(i => i.SerialNumber == 65).Select(i => i.Id).SingleAsync());
    }

    private async Task PublishAsync(int issueId)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview)).StatusCode);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" })).StatusCode);
    }

    [Fact]
    public async Task The_printed_pdf_is_offered_to_editors_before_and_to_readers_after_publication_byte_for_byte()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var issueId = await ImportAsync(editor);

        // Before publication: the editors' compose page links it; readers get nothing.
        var compose = await editor.GetPageAsync($"/editorial/issues/{issueId}");
        Assert.Equal($"/editorial/issues/{issueId}/original.pdf", compose.Document.QuerySelectorAll("a").Single(a => a.TextContent == "原版 PDF").GetAttribute("href"));
        var draft = await editor.GetAsync($"/editorial/issues/{issueId}/original.pdf");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(Printed, await draft.Content.ReadAsByteArrayAsync());
        Assert.True(draft.Headers.CacheControl is { Private: true, NoStore: true }, draft.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/issues/2023/2/original.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/editorial/issues/999999/original.pdf")).StatusCode);

        await PublishAsync(issueId);

        var page = await Html.ParseAsync(await portal.CreateClient().GetStringAsync("/issues/2023/2"));
        var link = page.QuerySelectorAll(".issue-downloads a").Single(a => a.TextContent == "原版 PDF");
        Assert.Equal("/issues/2023/2/original.pdf", link.GetAttribute("href"));
        var response = await portal.CreateClient().GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Printed, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(FileName, response.Content.Headers.ContentDisposition?.FileNameStar);

        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync("/issues/2023/7/original.pdf")).StatusCode);
    }

    [Fact]
    public async Task An_issue_read_from_text_has_no_original_and_no_link()
    {
        using var seeded = new PortalFactory();
        var page = await Html.ParseAsync(await seeded.CreateClient().GetStringAsync("/issues/2023/2"));
        Assert.NotEmpty(page.QuerySelectorAll(".issue-downloads a"));
        Assert.DoesNotContain(page.QuerySelectorAll(".issue-downloads a"), a => a.TextContent == "原版 PDF");
        Assert.Equal(HttpStatusCode.NotFound, (await seeded.CreateClient().GetAsync("/issues/2023/2/original.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_members_only_issue_keeps_its_original_from_anonymous_readers()
    {
        var issueId = await ImportAsync(await portal.SignedInAsync(Roles.Editor));
        await PublishAsync(issueId);
        await portal.WithDbAsync(async db =>
        {
            var issue = await db.Issues.SingleAsync(i => i.Id == issueId);
            issue.Visibility = IssueVisibility.MembersOnly;
            return await db.SaveChangesAsync();
        });

        var anonymous = await portal.Browser().GetAsync("/issues/2023/2/original.pdf");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("仅供会员单位阅读", await anonymous.Content.ReadAsStringAsync());

        var member = await (await portal.SignedInAsync(Roles.Member)).GetAsync("/issues/2023/2/original.pdf");
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.True(member.Headers.CacheControl is { Private: true, NoStore: true }, member.Headers.CacheControl?.ToString());
        Assert.Equal(Printed, await member.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Media_verify_and_backup_know_the_original_and_a_lost_file_is_reported()
    {
        var issueId = await ImportAsync(await portal.SignedInAsync(Roles.Editor));
        var sha = await portal.WithDbAsync(db => db.Issues.Where(i => i.Id == issueId).Select(i => i.OriginalSha256!).SingleAsync());
        var stored = Path.Combine(portal.DataPath, "media", sha[..2], sha, "file.pdf");
        Assert.Equal(Printed, File.ReadAllBytes(stored));

        var (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify");
        Assert.True(exitCode == 0, output);
        Assert.Contains("媒体文件完好：1 条记录的文件都在，1 个文件夹都有记录。", output);

        var backup = Directory.CreateTempSubdirectory("newsletter-backup").FullName;
        folders.Add(backup);
        (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "backup", backup);
        Assert.True(exitCode == 0, output);
        Assert.Equal(Printed, File.ReadAllBytes(Path.Combine(backup, "media", sha[..2], sha, "file.pdf")));

        File.Delete(stored);
        (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "media", "verify");
        Assert.Equal(1, exitCode);
        Assert.Contains($"缺少文件：原版 PDF（2023年第2期(总第65期)，期 #{issueId}，“{FileName}”）缺 file.pdf，应在 media/{sha[..2]}/{sha}/", output);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInAsync(Roles.Editor)).GetAsync($"/editorial/issues/{issueId}/original.pdf")).StatusCode);
    }
}
