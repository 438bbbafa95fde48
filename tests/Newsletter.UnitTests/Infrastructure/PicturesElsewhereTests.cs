using Newsletter.Web.Infrastructure;

namespace Newsletter.UnitTests.Infrastructure;

/// <summary>The renderer's pictures for the PDF (inlined, nothing to fetch), and the first picture for link previews and mail.</summary>
public class PicturesElsewhereTests
{
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
    public void Inlined_pictures_have_their_data_uri_only_and_a_picture_not_given_stays_its_alt_text()
    {
        var html = renderer.Render("![甲](/media/12 \"图为甲\")\n\n文中![乙](/media/13)一图。",
            PictureRendering.Inline(new Dictionary<int, string> { [12] = "data:image/jpeg;base64,AAAA" })).Value!;

        Assert.Contains("<figure class=\"article-figure\"><img src=\"data:image/jpeg;base64,AAAA\" width=\"3200\" height=\"2400\" alt=\"甲\" decoding=\"async\">" +
            "<figcaption>图为甲</figcaption></figure>", html);
        Assert.DoesNotContain("srcset", html);
        Assert.DoesNotContain("/media/", html);
        Assert.Contains("<p>文中乙一图。</p>", html);
    }

    [Fact]
    public void The_first_known_picture_is_found_with_the_alt_and_caption_of_the_text()
    {
        var lead = renderer.FirstPicture("正文。![未知](/media/99)\n\n![乙图](/media/13 \"图为乙\")\n\n![甲](/media/12)")!;
        Assert.Equal(13, lead.Picture.Id);
        Assert.Equal("乙图", lead.Alt);
        Assert.Equal("图为乙", lead.Caption);

        Assert.Null(renderer.FirstPicture("没有图片。![外链](https://example.com/a.png)"));
        Assert.Null(new MarkdownRenderer().FirstPicture("![甲](/media/12)"));
    }

    [Theory]
    [InlineData(1600, "w1600")]
    [InlineData(1599, "w800")]
    [InlineData(5000, "full")]
    [InlineData(100, "w800")]
    public void The_largest_size_up_to_a_width_else_the_smallest(int width, string expected) =>
        Assert.Equal(expected, new PictureEntry(12, 3200, 2400, ".jpg", ["w800", "w1600", "full"]).LargestUpTo(width));
}
