using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// /editorial/import: an editor uploads an issue (.txt or .docx) and gets a draft to review; duplicates,
/// bad files and oversize uploads are refused in Chinese and write nothing; correspondents are kept out.
/// </summary>
public sealed class ImportPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/editorial/import";

    private static string Issue(int number, int serial) =>
        SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{number}期(总第{serial}期)");

    private Task<(int Issues, int Articles, int Audit)> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.Issues.CountAsync(), await db.Articles.CountAsync(), await db.AuditEntries.CountAsync()));

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(client, Page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(Page, form);
    }

    [Fact]
    public async Task Editor_imports_a_text_file_as_a_draft_and_sees_the_warnings()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var response = await UploadAsync(editor, Encoding.UTF8.GetBytes(Issue(3, 66)), "工作通讯2023年第3期.txt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var issue = await portal.WithDbAsync(db => db.Issues.Include(i => i.Articles).SingleAsync(i => i.SerialNumber == 66));
        Assert.Equal((2023, 3, IssueStatus.Draft, 15), (issue.Year, issue.Number, issue.Status, issue.Articles.Count));
        Assert.Equal("工作通讯2023年第3期.txt", issue.SourceFile);
        Assert.Equal($"/editorial/issues/{issue.Id}", response.Headers.Location!.OriginalString);
        Assert.True(await portal.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "导入一期" && a.EntityId == issue.Id.ToString())));

        var compose = await editor.GetStringAsync(response.Headers.Location);
        Assert.Contains("2023年第3期", compose);
        Assert.Contains("草稿", compose);
        Assert.Contains("姚璇", compose);
        Assert.Contains("姚瑛", compose);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Browser().GetAsync("/issues/2023/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/issues/2023/3")).StatusCode);
    }

    [Fact]
    public async Task The_seed_again_is_refused_as_a_duplicate_and_nothing_changes()
    {
        var editor = await portal.SignedInAsync(Roles.ChiefEditor);
        var before = await CountsAsync();
        var response = await UploadAsync(editor, SeedFiles.Issue65Bytes, "000_868693d8ea32dedc.txt");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("总第65期已经在库中", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_word_file_imports_too()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var response = await UploadAsync(editor, Docx(Issue(4, 67)), "第4期.docx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var issue = await portal.WithDbAsync(db => db.Issues.Include(i => i.Articles).SingleAsync(i => i.SerialNumber == 67));
        Assert.Equal((4, IssueStatus.Draft, 15), (issue.Number, issue.Status, issue.Articles.Count));
        Assert.Contains(issue.Articles, a => a.Title == "姚瑛到广西调研计生协工作" && a.PrintedPage == 5);
    }

    [Theory]
    [InlineData("utf-16LE", 8, 71)]
    [InlineData("utf-16BE", 9, 72)]
    public async Task A_unicode_text_file_from_notepad_imports_like_the_utf8_one(string encoding, int number, int serial)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var unicode = Encoding.GetEncoding(encoding);
        var bytes = unicode.GetPreamble().Concat(unicode.GetBytes(Issue(number, serial))).ToArray();

        var response = await UploadAsync(editor, bytes, $"第{number}期（Unicode）.txt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (seed, imported) = await portal.WithDbAsync(async db =>
        {
            var issues = await db.Issues.AsNoTracking().Include(i => i.Articles).ThenInclude(a => a.Section)
                .Where(i => i.SerialNumber == 65 || i.SerialNumber == serial).ToListAsync();
            return (issues.Single(i => i.SerialNumber == 65), issues.Single(i => i.SerialNumber == serial));
        });
        Assert.Equal(15, imported.Articles.Count);
        Assert.Equal(Contents(seed), Contents(imported));
        Assert.Equal((seed.ChiefEditor, seed.PrintDate, seed.SendTo), (imported.ChiefEditor, imported.PrintDate, imported.SendTo));

        static IEnumerable<(string, int, string, string, string?, int?)> Contents(Issue issue) => issue.Articles
            .OrderBy(a => a.Section!.SortOrder).ThenBy(a => a.Position)
            .Select(a => (a.Section!.Name, a.Position, a.Title, a.Body, a.Correspondents, a.PrintedPage));
    }

    [Theory]
    [InlineData("坏文件.docx", "这不是有效的 Word 文件（.docx）")]
    [InlineData("旧文件.doc", "请在 Word 中另存为 .docx 后再导入。")]
    [InlineData("没有目录.txt", "找不到目录")]
    public async Task Bad_files_are_refused_on_the_upload_page(string name, string message)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var before = await CountsAsync();
        var bytes = name.EndsWith(".txt") ? Encoding.UTF8.GetBytes("第5期(总第68期)\n\n2023年7月\n\n没有目录。\n") : new byte[] { 1, 2, 3, 4 };
        var response = await UploadAsync(editor, bytes, name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, body);
        Assert.Contains("数据库没有任何改动", body);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(11 * 1024 * 1024)]
    [InlineData(10 * 1024 * 1024 + 100)]
    public async Task An_oversize_upload_gets_the_chinese_message_and_nothing_changes(int size)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var before = await CountsAsync();
        var response = await UploadAsync(editor, Encoding.UTF8.GetBytes(Issue(5, 68) + new string('。', size / 3)), "大文件.txt");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("文件超过 10 MB", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_correspondent_is_sent_to_the_denied_page()
    {
        var correspondent = await portal.SignedInAsync(Roles.Correspondent);
        var response = await correspondent.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.AbsolutePath);

        var post = await correspondent.PostAsync(Page, new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "a.txt" } });
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.AbsolutePath);
    }

    /// <summary>The text as a Word file: a paragraph per paragraph (wrapped lines as soft breaks, tabs as tabs),
    /// section names in 标题 1, and the 学习文选 entries of the 目录 as a table of title and page cells.</summary>
    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "1" });
            var body = new Body();
            var blocks = text.Split("\n\n").Select(b => b.Trim('\n')).Where(b => b.Trim().Length > 0);
            foreach (var block in blocks)
            {
                if (block.Contains("\t11\n") && block.EndsWith("\t15"))
                {
                    var table = new Table();
                    foreach (var cells in block.Split('\n').Select(line => line.Split('\t')))
                    {
                        table.Append(new TableRow(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c.TrimEnd('.'))))))));
                    }

                    body.Append(table);
                    continue;
                }

                var paragraph = new Paragraph();
                if (block.Trim() is "工作调研" or "协会活动" or "学习文选" or "专题党课" or "经验交流" or "基层简讯")
                {
                    paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = "1" }));
                }

                var lines = block.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var pieces = lines[i].Split('\t');
                    if (i > 0)
                    {
                        paragraph.Append(new Run(new Break()));
                    }

                    paragraph.Append(new Run(new Text(pieces[0]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                    foreach (var piece in pieces.Skip(1))
                    {
                        paragraph.Append(new Run(new TabChar(), new Text(piece)));
                    }
                }

                body.Append(paragraph);
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}
