using System.IO.Compression;
using System.Text;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Media;

/// <summary>What an accepted attachment is: the type it is served with and the words shown beside its link.</summary>
public sealed record AttachmentType(string ContentType, string Extension, string Label);

/// <summary>
/// Attachments are PDF, Word, Excel or ZIP, and the content must be what the extension says: an HTML page renamed
/// .pdf is refused, so a download can never be a page that runs in the portal's origin. Size is the caller's check.
/// </summary>
public static class AttachmentCheck
{
    public const string Accepted = "附件只接受 PDF、Word、Excel 和 ZIP 文件（.pdf、.doc、.docx、.xls、.xlsx、.zip）";

    private static readonly AttachmentType Pdf = new("application/pdf", ".pdf", "PDF 文档");
    private static readonly AttachmentType Doc = new("application/msword", ".doc", "Word 文档");
    private static readonly AttachmentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word 文档");
    private static readonly AttachmentType Xls = new("application/vnd.ms-excel", ".xls", "Excel 表格");
    private static readonly AttachmentType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel 表格");
    private static readonly AttachmentType Zip = new("application/zip", ".zip", "ZIP 压缩包");
    private static readonly AttachmentType[] Types = [Pdf, Doc, Docx, Xls, Xlsx, Zip];

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static Outcome<AttachmentType> Identify(byte[] content, string fileName)
    {
        var name = Path.GetFileName(fileName);
        var expected = Types.FirstOrDefault(t => string.Equals(Path.GetExtension(name), t.Extension, StringComparison.OrdinalIgnoreCase));
        if (expected is null)
        {
            return Outcome<AttachmentType>.Invalid($"{Accepted}，“{name}”不是这几种。");
        }

        if (content.Length == 0)
        {
            return Outcome<AttachmentType>.Invalid($"附件“{name}”是空的（0 字节），请重新选择。");
        }

        var zip = IsZip(content) ? ZipEntries(content) : null;
        if (IsZip(content) && zip is null)
        {
            return Outcome<AttachmentType>.Invalid($"附件“{name}”是损坏的压缩文件，无法打开，请重新生成后再上传。");
        }

        var actual = Detect(content, zip);
        return actual == expected
            ? Outcome.Ok(expected)
            : Outcome<AttachmentType>.Invalid(
                $"附件“{name}”的扩展名是 {expected.Extension}，内容却{(actual is null ? $"不是 {expected.Label}（{Describe(content)}）" : $"是 {actual.Label}（{actual.Extension}）")}。"
                + $"{Accepted}，且扩展名要与内容一致。");
    }

    /// <summary>By content alone; a zip that is neither a Word nor an Excel package is just a zip, whatever it holds.</summary>
    private static AttachmentType? Detect(byte[] content, IReadOnlySet<string>? zipEntries) => content switch
    {
        _ when content.AsSpan().StartsWith("%PDF-"u8) => Pdf,
        _ when zipEntries is not null => zipEntries.Contains("word/document.xml") ? Docx
            : zipEntries.Contains("xl/workbook.xml") ? Xlsx
            : Zip,
        _ when content.AsSpan().StartsWith(OleSignature) => OleKind(content),
        _ => null,
    };

    /// <summary>An OLE compound file's directory names its streams in UTF-16: WordDocument for Word, Workbook (Book before 97) for Excel.</summary>
    private static AttachmentType? OleKind(byte[] content)
    {
        var span = content.AsSpan();
        return span.IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0 ? Doc
            : span.IndexOf(Encoding.Unicode.GetBytes("Workbook")) >= 0 || span.IndexOf(Encoding.Unicode.GetBytes("Book\0")) >= 0 ? Xls
            : null;
    }

    private static bool IsZip(byte[] content) => content.AsSpan().StartsWith("PK\x03\x04"u8) || content.AsSpan().StartsWith("PK\x05\x06"u8);

    /// <summary>The entry names from the central directory, or null when the archive cannot be read.</summary>
    private static HashSet<string>? ZipEntries(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Describe(byte[] content)
    {
        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && (head.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.Contains("<script", StringComparison.OrdinalIgnoreCase))
            ? "看起来是 HTML 网页"
            : content.AsSpan().StartsWith(OleSignature) ? "是无法识别的 Office 文件" : "无法识别的内容";
    }
}
