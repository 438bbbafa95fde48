using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// Batches through the real form: several files or a .zip, a dry run that writes nothing, then the apply in the
/// background; duplicates in the batch and in the database refused by 期号 and 总第N期; unsafe zips refused whole.
/// </summary>
public sealed class ImportBatchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/editorial/import";

    private static byte[] Issue(int number, int serial) =>
        Encoding.UTF8.GetBytes(SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{number}期(总第{serial}期)"));

    private Task<(int Issues, int Articles, int Audit, int Media, int Revisions)> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.Issues.CountAsync(), await db.Articles.CountAsync(), await db.AuditEntries.CountAsync(), await db.MediaFiles.CountAsync(),
            await db.ArticleRevisions.CountAsync()));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(client, Page)), "__RequestVerificationToken" },
        };
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        return await client.PostAsync(Page + "/batches", form);
    }

    /// <summary>The dry run's report page (the upload redirects to it).</summary>
    private static async Task<(string Url, string Html)> DryRunAsync(HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        var response = await UploadAsync(client, files);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        Assert.Matches("^/editorial/import/batches/[0-9a-f]{32}$", url);
        return (url, await client.GetStringAsync(url));
    }

    /// <summary>Presses 全部导入 and follows the report page until the background worker is done.</summary>
    private static async Task<string> ApplyAsync(HttpClient client, string url)
    {
        var token = await Accounts.TokenAsync(client, url);
        var response = await client.PostAsync(url + "/apply",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var html = await client.GetStringAsync(url);
            if (html.Contains("导入完成"))
            {
                return html;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("the batch was not applied");
    }

    [Fact]
    public async Task Dry_run_of_several_files_writes_nothing_then_apply_imports_the_good_ones()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Issue(4, 41)))).ToArray();
        var before = await CountsAsync();

        var (url, dryRun) = await DryRunAsync(editor,
            ("第3期.txt", Issue(3, 40)), ("第4期（Unicode）.txt", utf16), ("第3期副本.txt", Issue(3, 42)),
            ("又一个总第40期.txt", Issue(9, 40)), ("种子.txt", SeedFiles.Issue65Bytes), ("空.txt", []));

        Assert.Equal(before, await CountsAsync());
        Assert.Contains("将导入为2023年第3期(总第40期)", dryRun);
        Assert.Contains("将导入为2023年第4期(总第41期)", dryRun);
        Assert.Contains("2023年第3期与本批中前面的“第3期.txt”重复", dryRun);
        Assert.Contains("总第40期与本批中前面的“第3期.txt”重复", dryRun);
        Assert.Contains("总第65期已经在库中", dryRun);
        Assert.Contains("“空.txt”是空文件（0 字节）", dryRun);
        Assert.Contains("可以导入 2 个，不能导入 4 个", dryRun);
        Assert.Contains("数据库还没有任何改动", dryRun);

        var applied = await ApplyAsync(editor, url);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string>
        {
            ["dry run"] = dryRun, ["applied"] = applied, ["import page"] = await editor.GetStringAsync(Page),
        }));
        Assert.Contains("已导入2023年第3期(总第40期)", applied);
        Assert.Contains("已导入2023年第4期(总第41期)", applied);
        Assert.Contains("总第40期与本批中前面的“第3期.txt”重复", applied);
        Assert.Contains("总第65期已经在库中", applied);
        Assert.Contains("已处理 6 / 6 个文件：导入 2 个，未导入 4 个", applied);
        Assert.Equal((before.Issues + 2, before.Articles + 30, before.Audit + 2, before.Media, before.Revisions + 30), await CountsAsync());
        var imported = await portal.WithDbAsync(db => db.Issues.Where(i => i.SerialNumber == 40 || i.SerialNumber == 41).ToListAsync());
        Assert.All(imported, i => Assert.Equal(IssueStatus.Draft, i.Status));
        Assert.Equal(2, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(
            a => a.Action == "导入一期" && imported.Select(i => i.Id.ToString()).Contains(a.EntityId))));

        // A second click, or the batch again, imports nothing more.
        var again = await editor.PostAsync(url + "/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Accounts.TokenAsync(editor, Page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(before.Issues + 2, await portal.WithDbAsync(db => db.Issues.CountAsync()));
    }

    [Fact]
    public async Task While_a_batch_is_applied_its_page_shows_the_progress_and_refreshes_itself()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var (url, _) = await DryRunAsync(editor, ("第14期.txt", Issue(14, 53)), ("第15期.txt", Issue(15, 54)));
        var store = portal.Services.GetRequiredService<ImportBatchStore>();
        var batch = store.Find(url.Split('/')[^1], (await portal.EnsureUserAsync(Roles.Editor)).Id)!;

        // Marked as being applied but not queued: the page as it is between two files.
        Assert.True(store.TryStartApply(batch));
        Assert.False(store.TryStartApply(batch));
        var response = await editor.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("2", response.Headers.GetValues("Refresh").Single());
        Assert.Contains("批量导入：正在导入", html);
        Assert.Contains("已处理 0 / 2 个文件", html);
        Assert.Contains("<progress", html);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["applying"] = html }));
    }

    [Fact]
    public async Task A_batch_is_only_its_uploaders()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var (url, _) = await DryRunAsync(editor, ("第5期.txt", Issue(5, 43)));
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);

        Assert.Equal(HttpStatusCode.NotFound, (await chief.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(Page + "/batches/" + new string('0', 32))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(Page + "/batches/..%2F..%2Fnewsletter.db")).StatusCode);
        var apply = await chief.PostAsync(url + "/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Accounts.TokenAsync(chief, Page),
        }));
        Assert.Equal(HttpStatusCode.NotFound, apply.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Issues.AnyAsync(i => i.SerialNumber == 43)));
    }

    [Fact]
    public async Task A_zip_of_issues_is_a_batch_and_an_oversize_file_is_refused_by_name()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var zip = Zip(("2023/第6期.txt", Issue(6, 44)), ("2023/第7期.txt", Issue(7, 45)), ("__MACOSX/._第6期.txt", [1]));
        var before = await CountsAsync();
        var big = Issue(8, 46).Concat(new byte[11 * 1024 * 1024].Select(_ => (byte)' ')).ToArray();

        var (url, dryRun) = await DryRunAsync(editor, ("往期.zip", zip), ("大文件.txt", big));

        Assert.Contains("往期.zip/2023/第6期.txt", dryRun);
        Assert.Contains("将导入为2023年第7期(总第45期)", dryRun);
        Assert.Contains("“大文件.txt”：文件超过 10 MB", dryRun);
        Assert.DoesNotContain("__MACOSX", dryRun);
        Assert.Equal(before, await CountsAsync());
        Assert.Contains("导入 2 个，未导入 1 个", await ApplyAsync(editor, url));
        Assert.Equal(before.Issues + 2, await portal.WithDbAsync(db => db.Issues.CountAsync()));
    }

    public static TheoryData<string, string> UnsafeZips => new()
    {
        { "traversal", "“坏.zip”中的“../x.txt”指向压缩包以外的位置" },
        { "absolute", "“坏.zip”中的“/tmp/x.txt”指向压缩包以外的位置" },
        { "many", "“坏.zip”中有 10000 个文件，超过一个压缩包最多 500 个的限制" },
        { "bomb", "“坏.zip”解压后超过 300 MB（可能是“压缩炸弹”）" },
        { "entry-bomb", "“坏.zip/炸弹.txt”：文件超过 10 MB" },
        { "lying", "这不是文本文件" }, // read only as far as its header says: 100 zero bytes, not 50 MB
        { "not-a-zip", "“坏.zip”不是完好的 .zip 压缩包" },
    };

    [Theory]
    [MemberData(nameof(UnsafeZips))]
    public async Task An_unsafe_zip_is_refused_by_name_and_nothing_is_extracted_or_written(string kind, string message)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var zip = kind switch
        {
            "traversal" => Zip(("第9期.txt", Issue(9, 47)), ("../x.txt", Issue(10, 48))),
            "absolute" => Zip(("/tmp/x.txt", Issue(10, 48))),
            "many" => Zip([.. Enumerable.Range(0, 10_000).Select(i => ($"{i}.txt", new byte[] { 1 }))]),
            "bomb" => Zip([.. Enumerable.Range(0, 32).Select(i => ($"{i}.txt", new byte[10 * 1024 * 1024]))]),
            "entry-bomb" => Zip(("炸弹.txt", new byte[50 * 1024 * 1024])),
            "lying" => Understated(Zip(("谎报.txt", new byte[50 * 1024 * 1024]))),
            _ => Encoding.UTF8.GetBytes("这不是压缩包"),
        };
        var before = await CountsAsync();
        var files = Directory.GetFiles(portal.DataPath, "*", SearchOption.AllDirectories).Length;

        var (url, dryRun) = await DryRunAsync(editor, ("坏.zip", zip));

        Assert.Contains(message, dryRun);
        Assert.DoesNotContain("将导入为", dryRun);
        Assert.DoesNotContain("/apply\"", dryRun);
        Assert.Contains("没有可以导入的文件", dryRun);
        Assert.Equal(before, await CountsAsync());
        Assert.False(File.Exists(Path.Combine(portal.DataPath, "import-batches", "x.txt")));
        Assert.False(File.Exists(Path.Combine(portal.DataPath, "x.txt")));
        // batch.json only (and the lying entry's 100 bytes): nothing inflated beyond what the zip's directory said.
        Assert.Equal(files + (kind == "lying" ? 2 : 1), Directory.GetFiles(portal.DataPath, "*", SearchOption.AllDirectories).Length);
        Assert.True(Directory.GetFiles(Path.Combine(portal.DataPath, "import-batches", url.Split('/')[^1])).Sum(f => new FileInfo(f).Length) < 64 * 1024);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Command_line_verb_takes_a_folder_dry_run_first_then_one_line_per_file()
    {
        _ = portal.Services;
        var folder = Path.Combine(portal.DataPath, "往期");
        Directory.CreateDirectory(Path.Combine(folder, "2023"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "2023", "a第11期.txt"), Issue(11, 51));
        await File.WriteAllBytesAsync(Path.Combine(folder, "2023", "b第12期.txt"), Issue(12, 52));
        await File.WriteAllBytesAsync(Path.Combine(folder, "c重复总第51期.txt"), Issue(13, 51));
        await File.WriteAllBytesAsync(Path.Combine(folder, "d空.txt"), []);
        var before = await CountsAsync();

        var output = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(portal.Services, [folder, "--dry-run"], output));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("试导入 4 个文件（不写入数据库）：", lines[0]);
        Assert.Equal("可以导入 a第11期.txt：将导入为2023年第11期(总第51期)。", lines[1]);
        Assert.Contains("未导入 c重复总第51期.txt，数据库没有任何改动：\n  错误：总第51期与本批中前面的“a第11期.txt”重复", output.ToString());
        Assert.Contains("“d空.txt”是空文件（0 字节）", output.ToString());
        Assert.Contains("共 4 个文件：可以导入 2 个，未导入 2 个。", output.ToString());
        Assert.Equal(before, await CountsAsync());

        output = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(portal.Services, [folder], output));
        Assert.StartsWith("已导入 2023年第11期(总第51期)（a第11期.txt，编号 ", output.ToString());
        Assert.Contains("已导入 2023年第12期(总第52期)（b第12期.txt", output.ToString());
        Assert.Contains("共 4 个文件：已导入 2 个，未导入 2 个。", output.ToString());
        Assert.Equal((before.Issues + 2, before.Audit + 2), await portal.WithDbAsync(async db => (await db.Issues.CountAsync(), await db.AuditEntries.CountAsync())));
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(portal.DataPath, "import-batches")), d => !File.Exists(Path.Combine(d, "batch.json")));
    }

    /// <summary>The zip with its one entry's unpacked size given as 100 bytes in both headers: it inflates to far more.</summary>
    private static byte[] Understated(byte[] zip)
    {
        var local = zip.AsSpan().IndexOf([(byte)0x50, (byte)0x4b, (byte)0x03, (byte)0x04]);
        var central = zip.AsSpan().IndexOf([(byte)0x50, (byte)0x4b, (byte)0x01, (byte)0x02]);
        BitConverter.TryWriteBytes(zip.AsSpan(local + 22, 4), 100);
        BitConverter.TryWriteBytes(zip.AsSpan(central + 24, 4), 100);
        return zip;
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }
}
