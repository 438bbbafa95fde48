using Newsletter.Web.Domain;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Reads a printed issue from its PDF: PdfPig gives each page's lines (<see cref="PdfLine"/>), the page furniture goes
/// (<see cref="PdfFurniture"/>), the lines become paragraphs again, joined across page breaks (<see cref="PdfParagraphs"/>),
/// and <see cref="PlainTextIssueParser"/> then applies the text importer's rules. Refuses in Chinese, naming the file, a
/// PDF locked with a password, a scan with no text layer and a file PdfPig cannot open. The original PDF is not kept
/// (that needs a column: see docs/decisions/0009-pdf-import.md).
/// </summary>
public static class PdfIssueReader
{
    /// <summary>Fewer printed characters than this per page, on pages with pictures, is a scan (a page number at most).</summary>
    private const int ScanCharactersPerPage = 10;

    public static Outcome<string> ReadText(byte[] bytes, string fileName, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        if (bytes.Length == 0)
        {
            return Outcome<string>.Invalid($"“{name}”是空文件（0 字节），没有可导入的内容。");
        }

        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            return Damaged(name);
        }

        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = new List<PdfPageLines>();
            var pictures = 0;
            foreach (var page in document.GetPages())
            {
                ct.ThrowIfCancellationRequested();
                pages.Add(new PdfPageLines(page.Height, PdfLine.Read(page)));
                pictures += page.NumberOfImages;
            }

            var characters = pages.Sum(p => p.Lines.Sum(l => TextRules.Compact(l.Text).Length));
            if (pictures > 0 && characters < ScanCharactersPerPage * pages.Count)
            {
                return Outcome<string>.Invalid(
                    $"“{name}”这是扫描件，没有文字层（页面只是图片），读不出文字。请用原始的 Word 文件或带文字的 PDF 导入。");
            }

            if (characters == 0)
            {
                return Outcome<string>.Invalid($"“{name}”里没有文字，没有可导入的内容。请确认这是一整期工作通讯的 PDF。");
            }

            PdfFurniture.Remove(pages);
            return Outcome.Ok(PdfParagraphs.Write(pages.Select(p => p.Lines).ToList()));
        }
        catch (PdfDocumentEncryptedException)
        {
            return Outcome<string>.Invalid(
                $"“{name}”是加密的 PDF（打开需要密码），不能读取。请在 PDF 阅读器中输入密码后另存为不加密的 PDF，或用原始的 Word 文件导入。");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // PdfPig reports a malformed file with many exception types (format, token, font, stream); any of them
            // means this file cannot be read, which is the editor's answer, not a server error.
            return Damaged(name);
        }
    }

    private static Outcome<string> Damaged(string name) => Outcome<string>.Invalid(
        $"“{name}”不是有效的 PDF 文件：文件无法打开，可能已损坏、没有下载完整或只是改了扩展名。请重新导出 PDF，或用原始的 Word 文件导入。");
}
