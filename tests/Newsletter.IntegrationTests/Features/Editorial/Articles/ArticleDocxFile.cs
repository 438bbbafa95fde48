using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>
/// One article as an office types it in Word (like tests/Newsletter.UnitTests/…/OfficeDocx.cs): no heading styles, only
/// direct formatting — a bold centred 黑体 title, 仿宋 paragraphs with a two-character first-line indent.
/// </summary>
internal static class ArticleDocxFile
{
    public static byte[] Build(string title, IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(Paragraph(title, "黑体", 44, bold: true, centred: true));
            foreach (var text in paragraphs)
            {
                body.Append(Paragraph(text, "仿宋", 32, bold: false, centred: false));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string font, int size, bool bold, bool centred)
    {
        var properties = new ParagraphProperties(new Justification { Val = centred ? JustificationValues.Center : JustificationValues.Both });
        if (!centred)
        {
            properties.Append(new Indentation { FirstLineChars = 200, FirstLine = (size * 20).ToString() });
        }

        var run = new RunProperties(new RunFonts { Ascii = font, EastAsia = font, HighAnsi = font });
        if (bold)
        {
            run.Append(new Bold());
        }

        run.Append(new FontSize { Val = size.ToString() });
        return new Paragraph(properties, new Run(run, new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
    }
}
