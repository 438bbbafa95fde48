using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Backup;
using Newsletter.UnitTests;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// Hostile files uploaded at 导入一期 by an editor: a 12 KB .docx nesting 100,000 content controls (which overflowed the
/// stack inside the Open XML SDK and took the whole portal down), a zip bomb, spreadsheets and other zips named .docx,
/// and a file that takes too long to read. Each is refused with a Chinese message, nothing is imported, the portal stays up.
/// </summary>
public sealed class CraftedUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Issue(int number, int serial) =>
        SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{number}期(总第{serial}期)");

    private Task<(int Issues, int Articles, int Audit)> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.Issues.CountAsync(), await db.Articles.CountAsync(), await db.AuditEntries.CountAsync()));

    private async Task<string> RefusedAsync(byte[] bytes, string fileName, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var before = await CountsAsync();
        var response = await ImportPageTests.UploadAsync(editor, bytes, fileName);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode} {response.Headers.Location}");
        Assert.Contains("数据库没有任何改动", body);
        Assert.Equal(before, await CountsAsync());
        return body;
    }

    [Fact]
    public async Task A_12_KB_docx_nesting_100000_content_controls_is_refused_and_the_portal_stays_up()
    {
        var bytes = CraftedDocx.Nested(100_000);
        Assert.InRange(bytes.Length, 1, 16 * 1024);
        var dataPath = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var setup = new PortalFactory { DataPath = dataPath, DeleteDataOnDispose = false })
            {
                await setup.EnsureUserAsync(Roles.Editor);
            }

            var issuesBefore = await IssueCountAsync(dataPath);
            using var process = await PortalProcess.StartAsync(dataPath, new Dictionary<string, string?>());
            var editor = process.Browser();
            editor.Timeout = TimeSpan.FromSeconds(60); // the unguarded SDK worked for minutes, then the process died
            var signIn = await editor.PostFormAsync("/account/login", "/account/login",
                new() { ["Email"] = "editor@test.local", ["Password"] = Accounts.Password });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            HttpResponseMessage response;
            try
            {
                response = await ImportPageTests.UploadAsync(editor, bytes, "工作通讯.docx");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Assert.Fail($"The portal gave no answer ({e.Message}); its output:\n{process.Output}");
                throw;
            }

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}\n{process.Output}");
            Assert.Contains("文件结构异常（嵌套过深），无法导入。", body);
            Assert.Contains("数据库没有任何改动", body);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editorial/import")).StatusCode);
            Assert.Equal(issuesBefore, await IssueCountAsync(dataPath));
        }
        finally
        {
            BackupRestoreTests.Delete(dataPath);
        }
    }

    [Fact]
    public async Task A_whole_issue_inside_2000_nested_content_controls_is_refused_not_imported()
    {
        var body = await RefusedAsync(CraftedDocx.Nested(2_000, Issue(7, 70)), "第7期.docx");
        Assert.Contains("文件结构异常（嵌套过深），无法导入。", body);
    }

    [Fact]
    public async Task A_docx_inflating_to_over_100_MB_is_refused_and_nothing_changes()
    {
        var bytes = CraftedDocx.Bomb(110);
        Assert.InRange(bytes.Length, 1, 1024 * 1024);
        var body = await RefusedAsync(bytes, "炸弹.docx");
        Assert.Contains("文件结构异常（解压后超过 50 MB", body);
    }

    [Fact]
    public async Task A_docx_declaring_entities_is_refused_and_nothing_changes()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>
            """;
        var body = await RefusedAsync(CraftedDocx.Raw(laughs), "实体.docx");
        Assert.Contains("文件结构异常（XML 格式有误或含有 DTD 声明）", body);
    }

    [Fact]
    public async Task A_spreadsheet_or_any_other_zip_named_docx_is_refused_cleanly()
    {
        var body = await RefusedAsync(Spreadsheet(), "单位名单.docx");
        Assert.Contains("这不是有效的 Word 文件（.docx）", body);

        body = await RefusedAsync(Zip(("说明.txt", "这是一个普通的压缩包。"u8.ToArray())), "压缩包.docx");
        Assert.Contains("这不是有效的 Word 文件（.docx）", body);

        body = await RefusedAsync(Spreadsheet(), "单位名单.xlsx");
        Assert.Contains("只能导入 .txt 纯文本、.docx Word 文件或 .pdf 文件", body);
    }

    [Fact]
    public async Task A_docx_read_for_longer_than_the_limit_is_refused_in_chinese()
    {
        using var slow = new PortalFactory { Settings = { ["Import:ReadTimeout"] = "00:00:00.05" } };
        var editor = await slow.SignedInAsync(Roles.Editor);
        var before = await slow.WithDbAsync(db => db.Issues.CountAsync());
        // 60,000 paragraphs: well inside the size and element budgets, and far longer than 50 ms to read.
        var text = string.Join("\n\n", Enumerable.Range(1, 60_000).Select(i => $"第{i}段\t{i}"));

        var response = await ImportPageTests.UploadAsync(editor, CraftedDocx.Flat(text), "很长的文件.docx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        // Failed once in a full run (1 of 1196) with another page or message; the page's alert text says which next time.
        var alert = (await Html.ParseAsync(body)).QuerySelector("[role=alert]")?.TextContent ?? body[..Math.Min(body.Length, 2000)];
        Assert.True(body.Contains("读取文件超过 0.05 秒仍未完成"), $"got instead: {alert}");
        Assert.Contains("数据库没有任何改动", body);
        Assert.Equal(before, await slow.WithDbAsync(db => db.Issues.CountAsync()));
    }

    private static async Task<int> IssueCountAsync(string dataPath)
    {
        await using var db = new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataPath, "newsletter.db")};Pooling=False").Options);
        return await db.Issues.CountAsync();
    }

    /// <summary>A real .xlsx (one sheet, one cell), as Excel or the SDK writes it.</summary>
    private static byte[] Spreadsheet()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellValue = new CellValue("名称"), DataType = CellValues.String })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "单位" }));
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
