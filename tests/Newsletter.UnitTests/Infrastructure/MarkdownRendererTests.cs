using Newsletter.Web.Infrastructure;

namespace Newsletter.UnitTests.Infrastructure;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Script_in_markdown_shows_as_text()
    {
        var html = renderer.Render("正文<script>alert('x')</script>结束\n\n<img src=x onerror=alert(1)>").Value!;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("[点我](JavaScript:alert(1))")]
    [InlineData("[点我](vbscript:msgbox)")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![图](javascript:alert(1))")]
    public void Unsafe_link_schemes_are_neutralised(string markdown)
    {
        var html = renderer.Render(markdown).Value!;
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
    }

    [Fact]
    public void Safe_links_stay()
    {
        var html = renderer.Render("[官网](https://www.chinafpa.org.cn) [本期](/issues/2023/2)").Value!;
        Assert.Contains("href=\"https://www.chinafpa.org.cn\"", html);
        Assert.Contains("href=\"/issues/2023/2\"", html);
    }

    [Theory]
    [InlineData("**重点：**后文", "<strong>重点：</strong>后文")]
    [InlineData("这是**“两个确立”**的意义", "<strong>“两个确立”</strong>")]
    [InlineData("**（一）领导高度重视。**秀峰区委", "<strong>（一）领导高度重视。</strong>秀峰区委")]
    public void Emphasis_works_next_to_chinese_punctuation(string markdown, string expected)
    {
        Assert.Contains(expected, renderer.Render(markdown).Value);
    }

    [Fact]
    public void Chinese_stays_as_characters()
    {
        Assert.Contains("工作通讯", renderer.Render("## 工作通讯").Value);
    }

    [Fact]
    public void Plain_text_drops_markup()
    {
        Assert.Equal("一、标题\n正文", renderer.ToPlainText("## 一、标题\n\n**正文**").Replace("\r", ""));
    }
}
