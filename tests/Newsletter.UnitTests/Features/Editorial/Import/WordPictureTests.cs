using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// The pictures of a Word issue are read where they stand: as a paragraph of the article whose text they sit in, with
/// the 图为… paragraph under them as their caption (not body text), Word's alt text kept, and the rest of the issue
/// read exactly as without them.
/// </summary>
public class WordPictureTests
{
    private const string Caption = "图为姚瑛一行在南宁市兴宁区妇幼保健院调研。";
    private const string Before = "姚瑛在座谈讲话中指出";
    private const string After = "调研组实地察看了";

    private static ParsedIssue Parse(byte[] docx)
    {
        var result = IssueFile.Parse(docx, "第2期.docx");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static ParsedArticle Item(ParsedIssue issue, string titleStart) =>
        issue.AllItems.Single(a => a.Title.StartsWith(titleStart, StringComparison.Ordinal));

    [Fact]
    public void A_picture_in_the_second_article_is_placed_where_it_stood_with_its_caption()
    {
        var png = PictureDocx.Png(40, 30);
        var issue = Parse(PictureDocx.Issue(SeedFiles.Issue65Text, new PicturePlacement(Before, png, Caption)));

        var picture = Assert.Single(issue.Pictures);
        Assert.Equal(1, picture.Number);
        Assert.Equal(png, picture.Content);
        Assert.Empty(Item(issue, "杜振宗").PictureNumbers);
        var article = Item(issue, "姚瑛");
        Assert.Equal([1], article.PictureNumbers);
        Assert.Equal(Caption, article.Captions[1]);
        var at = article.Paragraphs.IndexOf(PictureMark.Of(1));
        Assert.StartsWith(Before, article.Paragraphs[at - 1], StringComparison.Ordinal);
        Assert.StartsWith(After, article.Paragraphs[at + 1], StringComparison.Ordinal);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("图为", StringComparison.Ordinal));

        var body = article.BodyWith(n => $"![{n}](/media/9 \"{article.Captions[n]}\")").Split("\n\n");
        var figure = Array.IndexOf(body, $"![1](/media/9 \"{Caption}\")");
        Assert.True(figure > 0, string.Join("\n", body));
        Assert.StartsWith(Before, body[figure - 1], StringComparison.Ordinal);
        Assert.StartsWith(After, body[figure + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_but_the_pictures_reads_as_from_the_issue_without_them()
    {
        var plain = Parse(SeedDocx.Build(SeedFiles.Issue65Text)).AllItems.ToList();
        var withPictures = Parse(PictureDocx.Issue(SeedFiles.Issue65Text,
            new PicturePlacement(Before, PictureDocx.Png(4, 4), Caption),
            new PicturePlacement("3月14日", PictureDocx.Png(5, 5)))).AllItems.ToList();

        Assert.Equal(plain.Select(a => (a.Title, a.Body)), withPictures.Select(a => (a.Title, a.BodyWith(_ => ""))));
    }

    [Fact]
    public void A_caption_in_the_same_paragraph_and_the_alt_text_from_word_are_read()
    {
        var issue = Parse(PictureDocx.Issue(SeedFiles.Issue65Text,
            new PicturePlacement(Before, PictureDocx.Png(8, 6), "（图为座谈会现场）", Alt: "座谈会会场全景", CaptionInSameParagraph: true)));

        var article = Item(issue, "姚瑛");
        Assert.Equal("图为座谈会现场", article.Captions[1]);
        Assert.Equal("座谈会会场全景", issue.Pictures[0].Alt);
        Assert.StartsWith(After, article.Paragraphs[article.Paragraphs.IndexOf(PictureMark.Of(1)) + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Alt_text_office_wrote_by_itself_is_not_taken()
    {
        var issue = Parse(PictureDocx.Issue(SeedFiles.Issue65Text,
            new PicturePlacement(Before, PictureDocx.Png(8, 6), Caption, Alt: "图片包含 室内, 人员, 桌子\n\n描述已自动生成")));

        Assert.Null(issue.Pictures[0].Alt);
    }

    [Fact]
    public void A_paragraph_that_is_no_caption_stays_body_text()
    {
        var issue = Parse(PictureDocx.Issue(SeedFiles.Issue65Text,
            new PicturePlacement(Before, PictureDocx.Png(8, 6), "图书馆里，志愿者为群众讲解优生优育知识。")));

        var article = Item(issue, "姚瑛");
        Assert.Empty(article.Captions);
        Assert.Contains("图书馆里，志愿者为群众讲解优生优育知识。", article.Paragraphs);
    }

    [Fact]
    public void A_picture_and_its_caption_in_a_layout_table_are_read_as_paragraphs()
    {
        var docx = PictureDocx.Issue(SeedFiles.Issue65Text, new PicturePlacement(Before, PictureDocx.Png(8, 6), Caption));
        using (var stream = new MemoryStream())
        {
            stream.Write(docx);
            using (var document = WordprocessingDocument.Open(stream, true))
            {
                // Move the picture and its caption into a one-row table: photo in one cell, caption in the next.
                var body = document.MainDocumentPart!.Document!.Body!;
                var picture = body.Elements<Paragraph>().First(p => p.Descendants<Drawing>().Any());
                var caption = (Paragraph)picture.NextSibling()!;
                var table = new Table(new TableRow(new TableCell(picture.CloneNode(true)), new TableCell(caption.CloneNode(true))));
                picture.InsertBeforeSelf(table);
                picture.Remove();
                caption.Remove();
                document.MainDocumentPart.Document.Save();
            }

            docx = stream.ToArray();
        }

        var article = Item(Parse(docx), "姚瑛");
        Assert.Equal(Caption, article.Captions[1]);
        Assert.StartsWith(Before, article.Paragraphs[article.Paragraphs.IndexOf(PictureMark.Of(1)) - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_emf_picture_is_read_with_the_reason_it_cannot_be_shown()
    {
        var issue = Parse(PictureDocx.Issue(SeedFiles.Issue65Text, new PicturePlacement("3月14日", PictureDocx.Emf())));

        Assert.Contains("EMF", issue.Pictures[0].Problem);
        Assert.Equal([1], Item(issue, "杜振宗").PictureNumbers);
    }

    /// <summary>
    /// The same kind of issue (总第140期, a photo with its 图为 paragraph in 《姚瑛…》, a vector picture in 《杜振宗…》) as
    /// LibreOffice 7 writes it (Fixtures/, made by saving <see cref="PictureDocx.Issue"/>'s file through LibreOffice Writer):
    /// its own run properties, docPr ids and part names, and the EMF turned into a WMF.
    /// </summary>
    [Fact]
    public void A_word_file_saved_by_libreoffice_keeps_its_pictures_in_place()
    {
        var fixture = Path.Combine(Path.GetDirectoryName(SeedFiles.Folder)!,
            "tests", "Newsletter.UnitTests", "Features", "Editorial", "Import", "Fixtures", "issue-40-pictures.libreoffice.docx");
        var issue = Parse(File.ReadAllBytes(fixture));

        Assert.Equal((40, 140), (issue.Number, issue.SerialNumber));
        var yao = Item(issue, "姚瑛");
        var photo = issue.Pictures.Single(p => p.Problem is null);
        Assert.Equal([photo.Number], yao.PictureNumbers);
        Assert.Equal((Caption, "调研组在保健院"), (yao.Captions[photo.Number], photo.Alt));
        Assert.StartsWith(Before, yao.Paragraphs[yao.Paragraphs.IndexOf(PictureMark.Of(photo.Number)) - 1], StringComparison.Ordinal);
        var vector = issue.Pictures.Single(p => p.Problem is not null);
        Assert.EndsWith(".wmf", vector.FileName, StringComparison.Ordinal);
        Assert.Equal([vector.Number], Item(issue, "杜振宗").PictureNumbers);
    }

    [Theory]
    [InlineData("图为自治区计生协调研组在基层座谈。", "图为自治区计生协调研组在基层座谈。")]
    [InlineData("（图为志愿者走访计生家庭）", "图为志愿者走访计生家庭")]
    [InlineData("▲ 志愿者为群众义诊", "志愿者为群众义诊")]
    [InlineData("上图为培训班现场", "上图为培训班现场")]
    [InlineData("图：培训班现场", "图：培训班现场")]
    [InlineData("图1 培训班现场", "图1培训班现场")]
    [InlineData("图二：活动合影", "图二：活动合影")]
    [InlineData("图书馆里，志愿者为群众讲解。", null)]
    [InlineData("图片展吸引了众多群众。", null)]
    [InlineData("调研组实地察看了项目建设情况。", null)]
    public void Captions_are_told_from_body_text(string paragraph, string? caption) =>
        Assert.Equal(caption, PictureCaption.Read(paragraph));
}
