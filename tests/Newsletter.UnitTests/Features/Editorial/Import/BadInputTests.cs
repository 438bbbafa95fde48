using System.Text;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>What the importer says about files that are not a whole issue.</summary>
public class BadInputTests
{
    static BadInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IReadOnlyList<string> ErrorsFor(byte[] bytes)
    {
        var result = PlainTextIssueParser.Parse(bytes);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        return result.Errors;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Empty_file_says_it_is_empty(string content)
    {
        var errors = ErrorsFor(Encoding.UTF8.GetBytes(content));
        Assert.Contains(errors, e => e.Contains("文件是空的"));
    }

    [Fact]
    public void Binary_file_says_it_is_not_text()
    {
        var bytes = new byte[4096];
        new Random(65).NextBytes(bytes);
        Assert.Contains(ErrorsFor(bytes), e => e.Contains("不是文本文件"));

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 };
        Assert.Contains(ErrorsFor(png), e => e.Contains("不是文本文件"));
    }

    [Fact]
    public void Text_without_a_toc_says_the_toc_is_missing()
    {
        var text = "工作通讯\n\n第3期(总第66期)\n\n2023年6月\n\n这是一段没有目录的文字。\n";
        Assert.Contains(ErrorsFor(Encoding.UTF8.GetBytes(text)), e => e.Contains("找不到目录"));
    }

    [Fact]
    public void Toc_without_entries_says_so()
    {
        var text = "第3期(总第66期)\n\n2023年6月\n\n目 录\n\n这是一段很长的正文，它不是目录条目，也没有页码，所以目录是空的。\n";
        Assert.Contains(ErrorsFor(Encoding.UTF8.GetBytes(text)), e => e.Contains("目录") && e.Contains("没有文章条目"));
    }

    [Fact]
    public void Seed_cut_in_half_names_the_missing_articles_and_footer()
    {
        var lines = SeedFiles.Issue65Text.Split('\n');
        var half = string.Join('\n', lines[..(lines.Length / 2)]);
        var errors = ErrorsFor(Encoding.UTF8.GetBytes(half));
        Assert.Contains(errors, e => e.Contains("《落实“三项措施”") && e.Contains("在正文中找不到"));
        Assert.Contains(errors, e => e.Contains("找不到报尾"));
        Assert.Contains(errors, e => e.Contains("找不到印发日期"));
    }

    [Fact]
    public void Missing_masthead_number_is_reported()
    {
        var text = SeedFiles.Issue65Text.Replace("第2期(总第65期)", "");
        Assert.Contains(ErrorsFor(Encoding.UTF8.GetBytes(text)), e => e.Contains("找不到期号"));
    }

    [Fact]
    public void Seed_saved_as_gbk_imports_the_same_issue()
    {
        var gbk = Encoding.GetEncoding("GBK").GetBytes(SeedFiles.Issue65Text);
        var fromGbk = PlainTextIssueParser.Parse(gbk);
        var fromUtf8 = PlainTextIssueParser.Parse(SeedFiles.Issue65Bytes);
        Assert.True(fromGbk.Succeeded, string.Join("\n", fromGbk.Errors));
        Assert.Equal(
            fromUtf8.Value!.AllItems.Select(a => (a.Title, a.Body, a.Correspondents)),
            fromGbk.Value!.AllItems.Select(a => (a.Title, a.Body, a.Correspondents)));
        Assert.Equal("尹 红", fromGbk.Value.ChiefEditor);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Seed_saved_as_unicode_with_bom_imports_the_same_issue(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(SeedFiles.Issue65Text.Replace("\n", "\r\n"))).ToArray();
        var fromUtf16 = PlainTextIssueParser.Parse(bytes);
        var fromUtf8 = PlainTextIssueParser.Parse(SeedFiles.Issue65Bytes);
        Assert.True(fromUtf16.Succeeded, string.Join("\n", fromUtf16.Errors));
        Assert.Equal(
            fromUtf8.Value!.AllItems.Select(a => (a.Title, a.Body, a.Correspondents, a.PrintedPage)),
            fromUtf16.Value!.AllItems.Select(a => (a.Title, a.Body, a.Correspondents, a.PrintedPage)));
        Assert.Equal((fromUtf8.Value.ChiefEditor, fromUtf8.Value.PrintDate, fromUtf8.Value.SendTo),
            (fromUtf16.Value.ChiefEditor, fromUtf16.Value.PrintDate, fromUtf16.Value.SendTo));
    }

    [Fact]
    public void Unicode_without_bom_or_with_broken_pairs_is_still_not_text()
    {
        Assert.Contains(ErrorsFor(Encoding.Unicode.GetBytes("第2期(总第65期)\n目 录\n")), e => e.Contains("不是文本文件"));
        Assert.Contains(ErrorsFor([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), e => e.Contains("不是文本文件"));
    }

    [Fact]
    public void Seed_with_bom_and_crlf_imports_the_same_issue()
    {
        var text = SeedFiles.Issue65Text.Replace("\n", "\r\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var result = PlainTextIssueParser.Parse(bytes);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(15, result.Value!.AllItems.Count());
    }
}
