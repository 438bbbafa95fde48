using System.Globalization;
using SkiaSharp;

namespace Newsletter.Web.Features.Media.Processing;

/// <summary>Why a picture was refused, in words an editor can act on.</summary>
internal static class ImageMessages
{
    public const string Empty = "图片文件是空的（0 字节），请重新选择。";

    public const string Svg = "不接受 SVG 图片：SVG 文件里可以带脚本，放进网页有安全风险。请在作图软件中导出为 PNG 或 JPEG 后再上传。";

    public const string Heic = "这是苹果手机的 HEIC/HEIF 格式照片，网站无法处理。请改用 JPEG：iPhone 可在“设置 → 相机 → 格式”中选“兼容性最佳”后再拍；"
        + "已拍的照片可用微信以“原图”发到电脑（收到的是 JPEG），或截图、在相册中导出为 JPEG 后再上传。";

    public const string Avif = "不支持 AVIF 格式的图片，请导出为 JPEG 或 PNG 后再上传。";

    public const string Truncated = "图片文件不完整（可能没有传完或已经损坏），没有保存。请重新导出或重新上传完整的文件。";

    public const string Damaged = "图片文件已损坏，无法读取，没有保存。请用看图软件打开确认，重新导出后再上传。";

    public static string TooLarge(MediaOptions options, long length) => string.Create(CultureInfo.InvariantCulture,
        $"图片超过 {options.MaxUploadMegabytes} MB（这个文件 {length / 1024d / 1024d:0.#} MB），请压缩或缩小后再上传。");

    public static string NotAnImage(string fileName) =>
        $"“{Path.GetFileName(fileName)}”不是图片：文件内容不是 JPEG、PNG、GIF 或 WebP（看的是内容，不是扩展名）。请上传照片或截图。";

    public static string Unsupported(SKEncodedImageFormat format) =>
        $"不支持 {format.ToString().ToUpperInvariant()} 格式的图片，请另存为 JPEG 或 PNG 后再上传。";

    public static string TooManyPixels(int width, int height, long maxPixels) =>
        $"图片尺寸为 {width}×{height} 像素（{Pixels((long)width * height)}），超过允许的 {Pixels(maxPixels)}，没有处理。"
        + "这样的文件可能是恶意构造的；若确是图片，请先缩小再上传。";

    /// <summary>9 亿像素, 1200 万像素.</summary>
    private static string Pixels(long count) => count >= 100_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{count / 100_000_000d:0.##} 亿像素")
        : string.Create(CultureInfo.InvariantCulture, $"{count / 10_000d:0.#} 万像素");
}
