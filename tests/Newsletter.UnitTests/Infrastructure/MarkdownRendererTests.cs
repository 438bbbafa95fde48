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

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JaVaScRiPt:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html,hello>")]
    [InlineData("[点我](&#106;avascript:alert(1))")]
    [InlineData("[点我](javascript&#58;alert(1))")]
    [InlineData("[点我](&#x6A;&#x61;vascript:alert(1))")]
    [InlineData("[点我][r]\n\n[r]: javascript:alert(1)")]
    public void Autolinks_references_and_entity_encoded_schemes_are_neutralised(string markdown)
    {
        var html = renderer.Render(markdown).Value!;
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"&#", html);
    }

    [Fact]
    public void Autolinks_with_safe_schemes_stay_links()
    {
        var html = renderer.Render("<https://www.chinafpa.org.cn> <mailto:office@gxjsxh.cn>").Value!;
        Assert.Contains("<a href=\"https://www.chinafpa.org.cn\">https://www.chinafpa.org.cn</a>", html);
        Assert.Contains("<a href=\"mailto:office@gxjsxh.cn\">", html);
    }

    [Theory]
    [InlineData("![图](http://127.0.0.1:8080/admin)")]
    [InlineData("![图](https://example.com/a.png)")]
    [InlineData("![图](//example.com/a.png)")]
    [InlineData("![图](/var/lib/newsletter/photo.png)")]
    [InlineData("![图](file:///etc/passwd)")]
    [InlineData("![图](photo.png)")]
    [InlineData("![图](data:text/html,hello)")]
    public void Images_from_anywhere_but_data_uris_are_dropped_and_their_text_kept(string markdown)
    {
        var html = renderer.Render(markdown).Value!;
        Assert.DoesNotContain("<img", html);
        Assert.Contains("图", html);
    }

    [Fact]
    public void Data_uri_images_stay()
    {
        var html = renderer.Render("![红点](data:image/png;base64,iVBORw0KGgo=)").Value!;
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"红点\"", html);
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
