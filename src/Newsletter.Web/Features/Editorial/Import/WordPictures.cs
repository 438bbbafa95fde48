using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using V = DocumentFormat.OpenXml.Vml;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// A picture of the Word document, numbered in reading order: its bytes (null when the document has none to give, with
/// <see cref="Problem"/> saying why), the part's file name and the alt text Word keeps for it.
/// </summary>
public sealed record WordPicture(int Number, string FileName, byte[]? Content, string? Alt, string? Problem = null);

/// <summary>
/// Collects the pictures met while reading a document's text (a:blip r:embed in a drawing, v:imagedata r:id in an old
/// VML picture, a chart as a picture it cannot be) and gives the mark that holds each one's place in the text.
/// </summary>
internal sealed class WordPictures(OpenXmlPart host)
{
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    public List<WordPicture> All { get; } = [];

    /// <summary>The mark of what this element shows, or null when it is no picture (a text box's shape, say).</summary>
    public string? Mark(OpenXmlElement element) => element switch
    {
        A.Blip blip when blip.Embed?.Value is { Length: > 0 } id => Add(FromPart(id, blip)),
        A.Blip blip when blip.Link?.Value is { Length: > 0 } => Add(Missing(blip, "是链接到外部文件的图片，Word 文件里没有它的内容")),
        V.ImageData data when data.RelationshipId?.Value is { Length: > 0 } id => Add(FromPart(id, data)),
        A.GraphicData { Uri.Value: ChartUri } chart => Add(Missing(chart, "是 Word 图表，不是图片，不能导入")),
        _ => null,
    };

    private string Add(Func<int, WordPicture> make)
    {
        var picture = make(All.Count + 1);
        All.Add(picture);
        return PictureMark.Of(picture.Number);
    }

    private Func<int, WordPicture> FromPart(string id, OpenXmlElement at) => number => Read(number, id, at);

    private WordPicture Read(int number, string id, OpenXmlElement at)
    {
        if (!host.TryGetPartById(id, out var part) || part is not ImagePart image)
        {
            return new WordPicture(number, $"图片{number}", null, AltOf(at), "在 Word 文件里找不到它的内容");
        }

        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy); // bounded: DocxGuard has inflated every part of the package within its limits before this
        var bytes = copy.ToArray();
        return new WordPicture(number, Path.GetFileName(image.Uri.OriginalString), bytes, AltOf(at),
            IsVector(bytes, image.ContentType) ? "它是 Word 的矢量图（EMF/WMF 格式，多由图表、公式或从其他软件粘贴而来），网页不能显示" : null);
    }

    /// <summary>EMF (a record of type 1, then " EMF" at byte 40), WMF (placeable or plain header), or so declared.</summary>
    private static bool IsVector(byte[] bytes, string contentType) =>
        contentType is "image/x-emf" or "image/x-wmf" or "image/emf" or "image/wmf"
        || (bytes.Length >= 44 && bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[1, 0, 0, 0]) && bytes.AsSpan(40, 4).SequenceEqual(" EMF"u8))
        || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD7, 0xCD, 0xC6, 0x9A])
        || (bytes.Length >= 6 && bytes[0] is 1 or 2 && bytes[1] == 0 && bytes[2] == 9 && bytes[3] == 0 && bytes[4] is 0 && bytes[5] is 1 or 3);

    private static Func<int, WordPicture> Missing(OpenXmlElement at, string problem) =>
        number => new WordPicture(number, $"图片{number}", null, AltOf(at), problem);

    /// <summary>
    /// The description (or title) Word keeps for the drawing, unless Office wrote it itself ("…描述已自动生成"), which
    /// says less than the caption will.
    /// </summary>
    private static string? AltOf(OpenXmlElement at)
    {
        var properties = at.Ancestors().Select(a => a.GetFirstChild<Wp.DocProperties>()).FirstOrDefault(p => p is not null);
        var vml = at is V.ImageData data ? data.Title?.Value : null;
        var alt = new[] { properties?.Description?.Value, properties?.Title?.Value, vml }
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        return alt is null || alt.Contains("自动生成", StringComparison.Ordinal)
               || alt.Contains("generated", StringComparison.OrdinalIgnoreCase)
            ? null
            : alt.Trim();
    }
}

/// <summary>
/// The place of a picture in the text the parser reads: a paragraph of its own made of two private-use characters around
/// the picture's number, which no printed text contains and which the parser's rules for titles and paragraphs pass by.
/// </summary>
public static class PictureMark
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    public static string Of(int number) => Open + number.ToString(CultureInfo.InvariantCulture) + Close;

    public static bool IsMark(string text) => TryRead(text, out _);

    public static bool TryRead(string text, out int number)
    {
        number = 0;
        var t = text.Trim();
        return t.Length > 2 && t[0] == Open && t[^1] == Close
            && int.TryParse(t.AsSpan(1, t.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A line cut into its text and its marks, in order (a picture inside a paragraph stands between its halves).</summary>
    public static IEnumerable<string> Split(string line)
    {
        var start = 0;
        while (line.IndexOf(Open, start) is var open and >= 0 && line.IndexOf(Close, open) is var close and >= 0)
        {
            yield return line[start..open];
            yield return line[open..(close + 1)];
            start = close + 1;
        }

        yield return line[start..];
    }

    public static bool Contains(string text) => text.Contains(Open, StringComparison.Ordinal);
}
