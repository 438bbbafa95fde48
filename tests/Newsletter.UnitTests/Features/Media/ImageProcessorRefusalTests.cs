using System.Buffers.Binary;
using SkiaSharp;
using static Newsletter.UnitTests.Features.Media.TestPictures;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>Whatever is not a picture we can serve safely is refused with a message that says why and what to do; nothing is produced.</summary>
public sealed class ImageProcessorRefusalTests
{
    [Fact]
    public void Process_html_named_jpg_refused_as_not_an_image()
    {
        var outcome = Processor().Process(Ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "photo.jpg");

        AssertRefused(outcome, "不是图片", "photo.jpg", "JPEG");
    }

    [Fact]
    public void Process_truncated_jpeg_refused_not_kept_half_grey()
    {
        var photo = Jpeg(Noise(400, 300), 92);

        var outcome = Processor().Process(photo[..(photo.Length * 6 / 10)], "cut.jpg");

        AssertRefused(outcome, "不完整");
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "drawing.svg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.png")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.jpg")]
    [InlineData("<!-- made by hand -->\n<svg onload=\"alert(1)\"/>", "chart.gif")]
    public void Process_svg_refused_whatever_its_name(string svg, string fileName)
    {
        var outcome = Processor().Process(Ascii(svg), fileName);

        AssertRefused(outcome, "SVG", "脚本", "PNG");
    }

    [Fact]
    public void Process_png_claiming_30000_by_30000_refused_from_the_header()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 30000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 30000);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        byte[] bomb = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00]), .. Chunk("IEND", [])];
        Assert.True(bomb.Length < 100);

        var outcome = Processor().Process(bomb, "small.png");

        AssertRefused(outcome, "30000×30000", "9 亿像素", "1 亿像素");
    }

    [Fact]
    public void Process_over_the_configured_limit_refused_with_that_number()
    {
        var photo = Jpeg(Stored(1, 80, 60));
        var big = photo.Concat(new byte[2 * 1024 * 1024]).ToArray();

        var outcome = Processor(o => o.MaxUploadMegabytes = 2).Process(big, "big.jpg");

        AssertRefused(outcome, "超过 2 MB");
        Assert.True(Processor().Process(big, "big.jpg").Succeeded); // under the default 20 MB the same file is fine
    }

    [Fact]
    public void Process_over_20_mb_by_default_refused()
    {
        var outcome = Processor().Process(new byte[20 * 1024 * 1024 + 1], "huge.jpg");

        AssertRefused(outcome, "超过 20 MB");
    }

    [Fact]
    public void Process_iphone_heic_refused_with_how_to_send_jpeg()
    {
        var outcome = Processor().Process(Fixture("phone.heic"), "IMG_1234.HEIC");

        AssertRefused(outcome, "HEIC", "兼容性最佳", "JPEG");
    }

    [Theory]
    [InlineData("mif1", "heic")]
    [InlineData("heix", "mif1")]
    [InlineData("msf1", "hevc")]
    public void Process_heif_brands_refused_even_named_jpg(string major, string compatible)
    {
        byte[] file = [0, 0, 0, 24, .. "ftyp"u8, .. Ascii(major), 0, 0, 0, 0, .. Ascii(compatible), .. "miaf"u8, .. new byte[64]];

        var outcome = Processor().Process(file, "IMG_1234.jpg");

        AssertRefused(outcome, "HEIC", "兼容性最佳");
    }

    [Fact]
    public void Process_zero_bytes_refused()
    {
        AssertRefused(Processor().Process([], "empty.jpg"), "空的", "0 字节");
    }

    [Fact]
    public void Process_bmp_refused_as_unsupported()
    {
        var bmp = new byte[54 + 4 * 2 * 2];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 32);
        using (var codec = SKCodec.Create(SKData.CreateCopy(bmp)))
        {
            Assert.Equal(SKEncodedImageFormat.Bmp, codec?.EncodedFormat); // Skia would read it
        }

        AssertRefused(Processor().Process(bmp, "scan.bmp"), "BMP", "JPEG 或 PNG");
    }

    private static void AssertRefused<T>(Newsletter.Web.Domain.Outcome<T> outcome, params string[] words)
    {
        Assert.False(outcome.Succeeded);
        Assert.Equal(Newsletter.Web.Domain.OutcomeKind.Invalid, outcome.Kind);
        Assert.Null(outcome.Value);
        AssertChinese(outcome.Message, words);
    }

    private static SKBitmap Noise(int width, int height)
    {
        var random = new Random(15);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        random.NextBytes(bitmap.GetPixelSpan());
        return bitmap;
    }
}
