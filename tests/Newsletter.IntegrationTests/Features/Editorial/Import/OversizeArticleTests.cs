using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// An issue file whose article is longer than the article editor allows (a body of 1.7 million characters, a title of 300)
/// is refused, through the import page and the <c>import</c> verb alike, with a Chinese message naming the article; nothing
/// is stored. Such an article made every search that found it take seconds and the process grow by gigabytes.
/// </summary>
public sealed class OversizeArticleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Title = "筑牢健康中国的家庭基石";

    /// <summary>The seed as a new issue with 17,000 more paragraphs of 100 characters in 《筑牢健康中国的家庭基石》.</summary>
    private static string LongBody()
    {
        var paragraph = string.Concat(Enumerable.Repeat("健康家庭", 24)) + "好家风。";
        var more = string.Concat(Enumerable.Repeat("\n" + paragraph + "\n", 17_000));
        return NewIssue().Replace("引发广泛关注。\n", "引发广泛关注。\n" + more, StringComparison.Ordinal);
    }

    /// <summary>The seed as a new issue with 《筑牢健康中国的家庭基石》 renamed, in the 目录 and above the article, to 300 characters.</summary>
    private static string LongTitle() =>
        NewIssue().Replace(Title, Title + string.Concat(Enumerable.Repeat("与家庭健康促进行动", 32)) + "会", StringComparison.Ordinal);

    private static int number = 10;

    /// <summary>The seed under a new number each time, so that no file is refused as a duplicate of another.</summary>
    private static string NewIssue()
    {
        var n = Interlocked.Increment(ref number);
        return SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{n}期(总第{n + 100}期)", StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Files => new()
    {
        { nameof(LongBody), $@"《{Title}》的正文有 1,7\d\d,\d{{3}} 个字，超过了稿件编辑页允许的 100,000 个字" },
        { nameof(LongTitle), $"《{Title}与家庭健康促进行动与家庭健康促进行动与…》的标题有 300 个字，超过了稿件编辑页允许的 200 个字" },
    };

    private static byte[] Bytes(string file) => Encoding.UTF8.GetBytes(file == nameof(LongBody) ? LongBody() : LongTitle());

    private Task<(int Issues, int Articles)> CountsAsync() =>
        portal.WithDbAsync(async db => (await db.Issues.CountAsync(), await db.Articles.CountAsync()));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_import_page_refuses_the_file_naming_the_article(string file, string message)
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var before = await CountsAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(editor, "/editorial/import")), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(Bytes(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(content, "file", "第3期.txt");

        var response = await editor.PostAsync("/editorial/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(message, (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_import_verb_refuses_the_file_naming_the_article(string file, string message)
    {
        var before = await CountsAsync();
        var path = Path.Combine(portal.DataPath, file + ".txt");
        await File.WriteAllBytesAsync(path, Bytes(file));
        var output = new StringWriter();

        Assert.Equal(1, await ImportCommand.RunAsync(portal.Services, [path], output));

        Assert.Contains($"未导入 {file}.txt，数据库没有任何改动", output.ToString());
        Assert.Matches(message, output.ToString());
        Assert.Equal(before, await CountsAsync());
    }
}
