using Microsoft.Extensions.Options;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Media;

// TEMPORARY lead-side placeholder, replaced by branch img; never committed.
public sealed class MediaOptions
{
    public const string Section = "Media";
    public int MaxUploadMegabytes { get; set; } = 20;
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
    public long MaxPixels { get; set; } = 100_000_000;
    public int MasterEdge { get; set; } = 3200;
    public int[] VariantWidths { get; set; } = [800, 1600];
}

public sealed record ImageVariant(string Name, int Width, int Height, byte[] Bytes);

public sealed record ProcessedImage(string ContentType, string Extension, int Width, int Height, IReadOnlyList<ImageVariant> Variants);

public sealed class ImageProcessor(IOptions<MediaOptions> options)
{
    public Outcome<ProcessedImage> Process(byte[] content, string fileName)
    {
        _ = options;
        if (content.Length > 8 && content[0] == 0x89 && content[1] == (byte)'P')
        {
            var w = (content[16] << 24) | (content[17] << 16) | (content[18] << 8) | content[19];
            var h = (content[20] << 24) | (content[21] << 16) | (content[22] << 8) | content[23];
            return Outcome.Ok(new ProcessedImage("image/png", ".png", w, h, [new ImageVariant("full", w, h, content)]));
        }

        return Outcome<ProcessedImage>.Invalid("不是图片。");
    }
}

public sealed record AttachmentType(string ContentType, string Extension, string Label);

public static class AttachmentCheck
{
    public static Outcome<AttachmentType> Identify(byte[] content, string fileName) =>
        content.AsSpan().StartsWith("%PDF-"u8) ? Outcome.Ok(new AttachmentType("application/pdf", ".pdf", "PDF 文档"))
        : Outcome<AttachmentType>.Invalid("附件只接受 PDF、Word、Excel 和 ZIP 文件。");
}
