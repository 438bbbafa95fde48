using System.Text;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Turns an uploaded file's bytes into text: UTF-8 (with or without BOM), UTF-16 with its BOM (what Notepad
/// and Excel call “Unicode”, little- or big-endian) or GBK/GB18030 as Windows and Excel in China save it.
/// Refuses what is not text at all.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Outcome<string> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Trim((byte)' ').IsEmpty)
        {
            return Outcome<string>.Invalid("文件是空的，没有可导入的内容。");
        }

        string text;
        if (bytes.StartsWith(Encoding.Unicode.Preamble) || bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            var utf16 = bytes.StartsWith(Encoding.Unicode.Preamble) ? Encoding.Unicode : Encoding.BigEndianUnicode;
            text = bytes.Length % 2 == 0 ? utf16.GetString(bytes[2..]) : "\uFFFD"; // half a character: not text
        }
        else if (bytes.IndexOf((byte)0) >= 0)
        {
            return NotText();
        }
        else if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            text = Encoding.UTF8.GetString(bytes[3..]);
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding("GB18030").GetString(bytes);
            }
        }

        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (controls > text.Length / 100 || text.Contains('\uFFFD') || text.Contains('\0'))
        {
            return NotText();
        }

        return string.IsNullOrWhiteSpace(text)
            ? Outcome<string>.Invalid("文件是空的，没有可导入的内容。")
            : Outcome.Ok(text);
    }

    private static Outcome<string> NotText() => Outcome<string>.Invalid(
        "这不是文本文件：文件里有二进制内容。请导入从 PDF 或 Word 另存的 .txt 纯文本（UTF-8 或 GBK 编码）。");
}
