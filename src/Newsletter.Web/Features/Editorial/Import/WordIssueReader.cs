using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Reads an issue saved from Word (.docx): the document's paragraphs and tables become the same
/// lines the text importer reads (see <see cref="WordText"/>), and <see cref="PlainTextIssueParser"/>
/// finds the masthead, 目录, articles and footer in them. Refuses old .doc files and anything that is
/// not a .docx, in Chinese.
/// </summary>
public static class WordIssueReader
{
    public const string SaveAsDocx = "请在 Word 中另存为 .docx 后再导入。";

    /// <summary>A Word document part larger than this (in characters) is not an issue of 工作通讯.</summary>
    private const long MaxCharactersInPart = 32L * 1024 * 1024;

    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] Rtf = "{\\rtf"u8.ToArray();

    /// <summary>The issue with the document's pictures, each placed in the text where it stood.</summary>
    public static Outcome<ParsedIssue> Parse(byte[] bytes, CancellationToken ct = default)
    {
        var read = Read(bytes, ct);
        if (!read.Succeeded)
        {
            return Outcome<ParsedIssue>.Invalid(read.Errors);
        }

        var parsed = PlainTextIssueParser.Parse(read.Value!.Text);
        parsed.Value?.Pictures.AddRange(read.Value.Pictures);
        return parsed;
    }

    /// <summary>The document as text (see <see cref="Read"/>), its pictures left as their marks.</summary>
    public static Outcome<string> ReadText(byte[] bytes, CancellationToken ct = default)
    {
        var read = Read(bytes, ct);
        return read.Succeeded ? Outcome.Ok(read.Value!.Text) : Outcome<string>.Invalid(read.Errors);
    }

    /// <summary>
    /// The document as text: one line per paragraph, a blank line between paragraphs, a picture as its
    /// <see cref="PictureMark"/>; and the pictures. Nothing reaches the Open XML SDK before <see cref="DocxGuard"/> has
    /// found the package within its limits; <paramref name="ct"/> stops the reading.
    /// </summary>
    public static Outcome<WordDocumentText> Read(byte[] bytes, CancellationToken ct = default)
    {
        if (bytes.Length == 0)
        {
            return Outcome<WordDocumentText>.Invalid("文件是空的（0 字节），没有可导入的内容。");
        }

        if (bytes.AsSpan().StartsWith(CompoundFile) || bytes.AsSpan().StartsWith(Rtf))
        {
            return Outcome<WordDocumentText>.Invalid(
                "这是旧版 Word 文件（.doc）、RTF 或加密的文档，不能直接读取。" + SaveAsDocx + "（文档如有密码，请先取消密码。）");
        }

        if (!bytes.AsSpan().StartsWith(Zip))
        {
            return NotDocx();
        }

        try
        {
            if (DocxGuard.Check(bytes, ct) is { } refusal)
            {
                return Outcome<WordDocumentText>.Invalid(refusal);
            }

            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
            {
                return NotDocx();
            }

            var pictures = new WordPictures(main);
            var text = new WordText(new WordHeadings(main.StyleDefinitionsPart?.Styles), pictures, ct).Read(body);
            return string.IsNullOrWhiteSpace(text)
                ? Outcome<WordDocumentText>.Invalid("这个 Word 文件里没有文字，没有可导入的内容。请确认打开的是一整期工作通讯。")
                : Outcome.Ok(new WordDocumentText(text, pictures.All));
        }
        catch (Exception e) when (e is OpenXmlPackageException or IOException or InvalidDataException
                                      or XmlException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return NotDocx();
        }
    }

    private static Outcome<WordDocumentText> NotDocx() => Outcome<WordDocumentText>.Invalid(
        "这不是有效的 Word 文件（.docx）：文件无法打开，可能已损坏，或只是改了扩展名。请在 Word 中打开原文件，另存为 .docx 后再导入。");
}

/// <summary>What a Word document holds for the importer: its text in the text file's lines, and its pictures.</summary>
public sealed record WordDocumentText(string Text, IReadOnlyList<WordPicture> Pictures);
