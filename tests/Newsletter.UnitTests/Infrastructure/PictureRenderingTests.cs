using Newsletter.Web.Infrastructure;

namespace Newsletter.UnitTests.Infrastructure;

/// <summary>How the one renderer draws stored pictures: figures with captions, sizes against layout shift, lazy below the first.</summary>
public class PictureRenderingTests
{
    /// <summary>The two pictures the catalogue knows: a landscape 3200×2400 with three sizes, a small portrait PNG.</summary>
    private sealed class TwoPictures : IPictureCatalog
    {
        private readonly Dictionary<int, PictureEntry> pictures = new()
        {
            [12] = new PictureEntry(12, 3200, 2400, ".jpg", ["w800", "w1600", "full"]),
            [13] = new PictureEntry(13, 600, 900, ".png", ["full"]),
        };

        public IReadOnlyDictionary<int, PictureEntry> Find(IReadOnlyCollection<int> ids) =>
            ids.Where(pictures.ContainsKey).ToDictionary(id => id, id => pictures[id]);
    }

    private readonly MarkdownRenderer renderer = new(new TwoPictures());

    [Fact]
    public void A_picture_alone_in_its_paragraph_is_a_figure_with_its_caption_sizes_and_variants()
    {
        var html = renderer.Render("正文第一段。\n\n![调研组走访](/media/12 \"图为调研组在宜州区走访\")\n\n正文第二段。").Value!;

        Assert.Contains(
            "<figure class=\"article-figure\"><img src=\"/media/12/w800.jpg\" " +
            "srcset=\"/media/12/w800.jpg 800w, /media/12/w1600.jpg 1600w, /media/12/full.jpg 3200w\" " +
            $"sizes=\"{PictureHtml.Sizes}\" width=\"3200\" height=\"2400\" alt=\"调研组走访\" decoding=\"async\">" +
            "<figcaption>图为调研组在宜州区走访</figcaption></figure>", html);
        Assert.DoesNotContain("<p><figure", html);
        Assert.Contains("<p>正文第二段。</p>", html);
    }

    [Fact]
    public void The_first_picture_loads_at_once_and_the_rest_when_scrolled_to_except_in_print()
    {
        const string text = "![甲](/media/12 \"图一\")\n\n文字。\n\n![乙](/media/13 \"图二\")";

        var page = renderer.Render(text).Value!;
        Assert.Equal(1, Count(page, "loading=\"lazy\""));
        Assert.True(page.IndexOf("alt=\"乙\" loading=\"lazy\"", StringComparison.Ordinal) > 0);

        Assert.Equal(0, Count(renderer.Render(text, PictureRendering.Print).Value!, "loading="));
    }

    [Fact]
    public void Outside_the_site_every_url_of_a_picture_is_absolute()
    {
        var html = renderer.Render("![甲](/media/13 \"图为\")", PictureRendering.Absolute("https://gxjsxh.example/")).Value!;

        Assert.Contains("src=\"https://gxjsxh.example/media/13/full.png\"", html);
        Assert.Contains("srcset=\"https://gxjsxh.example/media/13/full.png 600w\"", html);
        Assert.DoesNotContain("\"/media/", html);
    }

    [Fact]
    public void A_picture_inside_a_sentence_is_an_image_without_a_figure()
    {
        var html = renderer.Render("会标 ![会标](/media/13) 如图。").Value!;

        Assert.StartsWith("<p>会标 <img src=\"/media/13/full.png\"", html);
        Assert.DoesNotContain("<figure", html);
    }

    [Theory]
    [InlineData("![不存在的图片](/media/99 \"图为\")")]
    [InlineData("![目录穿越](/media/12/../../etc/passwd)")]
    [InlineData("![别的网站](https://example.com/media/12)")]
    public void A_picture_the_catalogue_does_not_know_stays_as_its_text(string markdown)
    {
        var html = renderer.Render(markdown).Value!;

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<figure", html);
    }

    [Fact]
    public void Caption_and_alt_are_text_never_markup()
    {
        var html = renderer.Render("![\"><script>alert(1)</script>](/media/12 \"图为<b>x</b> & 'y'\")").Value!;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("<figcaption>图为&lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;</figcaption>", html);
    }

    private static int Count(string html, string what) =>
        (html.Length - html.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
