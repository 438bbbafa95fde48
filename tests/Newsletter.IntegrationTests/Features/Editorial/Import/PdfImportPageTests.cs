using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// The printed PDF of 总第65期 (the unit tests' LibreOffice fixture) uploaded through /editorial/import on a portal that
/// has not seeded that issue: a draft with its 15 items; a scan is refused in Chinese and writes nothing.
/// </summary>
public sealed class PdfImportPageTests : IAsyncLifetime
{
    private readonly string seeds = Directory.CreateTempSubdirectory("newsletter-no-seeds").FullName;
    private PortalFactory portal = null!;

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(SeedFiles.Folder)!,
        "tests", "Newsletter.UnitTests", "Features", "Editorial", "Import", "Fixtures", name));

    public Task InitializeAsync()
    {
        portal = new PortalFactory { SeedsPath = seeds };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        Directory.Delete(seeds, recursive: true);
    }

    [Fact]
    public async Task Editor_uploads_the_printed_pdf_and_gets_a_draft_with_fifteen_items()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var response = await ImportPageTests.UploadAsync(editor, Fixture("issue-65.libreoffice.pdf"), "工作通讯2023年第2期.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var issue = await portal.WithDbAsync(db => db.Issues.Include(i => i.Articles).SingleAsync(i => i.SerialNumber == 65));
        Assert.Equal((2023, 2, IssueStatus.Draft, 15), (issue.Year, issue.Number, issue.Status, issue.Articles.Count));
        Assert.Equal("工作通讯2023年第2期.pdf", issue.SourceFile);
        Assert.Contains(issue.Articles, a => a.Title == "筑牢健康中国的家庭基石" && a.AuthorName == "何 翔");
    }

    [Fact]
    public async Task A_scanned_pdf_is_refused_and_nothing_is_written()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var before = await portal.WithDbAsync(db => db.Issues.CountAsync());
        var response = await ImportPageTests.UploadAsync(editor, Fixture("issue-65.scanned.pdf"), "扫描件.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("“扫描件.pdf”这是扫描件，没有文字层", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await portal.WithDbAsync(db => db.Issues.CountAsync()));
    }
}
