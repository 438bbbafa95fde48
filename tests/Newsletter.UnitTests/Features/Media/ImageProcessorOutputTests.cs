using System.Buffers.Binary;
using SkiaSharp;
using static Newsletter.UnitTests.Features.Media.TestPictures;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>The sizes made (never upscaled), the type chosen (PNG only for real transparency), and colour brought to sRGB 8-bit.</summary>
public sealed class ImageProcessorOutputTests
{
    [Theory]
    [InlineData(4000, 3000, "w800 800x600|w1600 1600x1200|full 3200x2400")]
    [InlineData(3000, 4000, "w800 800x1067|w1600 1600x2133|full 2400x3200")]
    [InlineData(1000, 750, "w800 800x600|full 1000x750")]
    [InlineData(800, 600, "full 800x600")]
    [InlineData(600, 400, "full 600x400")]
    public void Process_sizes_made_from_the_picture_never_upscaled(int width, int height, string expected)
    {
        using var picture = Stored(1, width, height);

        var outcome = Processor().Process(Jpeg(picture, 85), "photo.jpg");

        Assert.True(outcome.Succeeded, outcome.Message);
        var image = outcome.Value!;
        Assert.Equal(expected, string.Join('|', image.Variants.Select(v => $"{v.Name} {v.Width}x{v.Height}")));
        Assert.Equal((image.Variants[^1].Width, image.Variants[^1].Height), (image.Width, image.Height));
        foreach (var variant in image.Variants)
        {
            using var decoded = Decode(variant.Bytes);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
            AssertNear(Red, decoded.GetPixel(variant.Width / 8, variant.Height / 8));
            AssertNear(Yellow, decoded.GetPixel(variant.Width * 7 / 8, variant.Height * 7 / 8));
        }
    }

    [Fact]
    public void Process_transparent_png_stays_png_and_transparent()
    {
        using var picture = Solid(1200, 900, new SKColor(40, 60, 200));
        using (var canvas = new SKCanvas(picture))
        {
            canvas.DrawRect(0, 0, 600, 900, new SKPaint { Color = SKColors.Transparent, BlendMode = SKBlendMode.Src });
        }

        var outcome = Processor().Process(Png(picture), "logo.png");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("image/png", ".png"), (outcome.Value!.ContentType, outcome.Value.Extension));
        Assert.Equal(["w800", "full"], outcome.Value.Variants.Select(v => v.Name));
        foreach (var variant in outcome.Value.Variants)
        {
            using var decoded = Decode(variant.Bytes);
            Assert.Equal(0, decoded.GetPixel(10, 10).Alpha);
            Assert.Equal(255, decoded.GetPixel(variant.Width - 10, 10).Alpha);
            AssertNear(new SKColor(40, 60, 200), decoded.GetPixel(variant.Width - 10, 10), 2);
        }
    }

    [Fact]
    public void Process_png_with_alpha_channel_but_no_transparent_pixel_becomes_jpeg()
    {
        var outcome = Processor().Process(Png(Solid(50, 40, new SKColor(200, 40, 40))), "screenshot.png");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("image/jpeg", ".jpg"), (outcome.Value!.ContentType, outcome.Value.Extension));
    }

    [Fact]
    public void Process_cmyk_jpeg_becomes_srgb_8bit_jpeg()
    {
        var cmyk = Fixture("cmyk.jpg");
        Assert.Equal(4, Components(cmyk).Count); // the fixture really is CMYK

        var outcome = Processor().Process(cmyk, "print.jpg");

        Assert.True(outcome.Succeeded, outcome.Message);
        var bytes = Assert.Single(outcome.Value!.Variants).Bytes;
        Assert.Equal((8, 3), (Components(bytes).Precision, Components(bytes).Count));
        using var decoded = Decode(bytes);
        AssertNear(new SKColor(200, 40, 40), decoded.GetPixel(8, 24), 30);
        AssertNear(new SKColor(40, 60, 200), decoded.GetPixel(56, 24), 30);
    }

    [Fact]
    public void Process_adobe_rgb_jpeg_converted_to_srgb_not_copied()
    {
        var adobe = Fixture("adobergb.jpg");
        Assert.Contains(Metadata.JpegSegments(adobe), s => s.Marker == 0xE2); // it carries an ICC profile
        using (var raw = SKBitmap.Decode(adobe, new SKImageInfo(64, 48, SKColorType.Rgba8888, SKAlphaType.Opaque)))
        {
            Assert.True(raw.GetPixel(8, 24).Red < 185, $"the stored numbers differ from sRGB: {raw.GetPixel(8, 24)}");
        }

        var outcome = Processor().Process(adobe, "wide.jpg");

        Assert.True(outcome.Succeeded, outcome.Message);
        using var decoded = Decode(Assert.Single(outcome.Value!.Variants).Bytes);
        AssertNear(new SKColor(200, 40, 40), decoded.GetPixel(8, 24), 8);
        AssertNear(new SKColor(40, 160, 60), decoded.GetPixel(56, 24), 8);
    }

    [Theory]
    [InlineData("rgb16.png", "image/jpeg", 255)]
    [InlineData("rgba16.png", "image/png", 0)]
    public void Process_16bit_png_becomes_8bit(string fixture, string contentType, int leftAlpha)
    {
        var png = Fixture(fixture);
        Assert.Equal(16, png[24]); // IHDR bit depth

        var outcome = Processor().Process(png, fixture);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(contentType, outcome.Value!.ContentType);
        var bytes = Assert.Single(outcome.Value.Variants).Bytes;
        if (contentType == "image/png")
        {
            Assert.Equal(8, bytes[24]);
            Assert.DoesNotContain("tEXt", Metadata.PngChunks(bytes)); // ImageMagick's dates are not copied
        }
        else
        {
            Assert.Equal(8, Components(bytes).Precision);
        }

        using var decoded = Decode(bytes);
        Assert.Equal(leftAlpha, decoded.GetPixel(8, 24).Alpha);
        AssertNear(new SKColor(40, 60, 200), decoded.GetPixel(56, 24), 8); // gAMA 1/2.2 is honoured: not quite the sRGB curve
    }

    [Fact]
    public void Process_gif_first_frame_with_transparency_becomes_png()
    {
        var outcome = Processor().Process(Fixture("transparent.gif"), "anim.gif");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("image/png", outcome.Value!.ContentType);
        using var decoded = Decode(Assert.Single(outcome.Value.Variants).Bytes);
        Assert.Equal(0, decoded.GetPixel(4, 12).Alpha);
        AssertNear(new SKColor(40, 60, 200), decoded.GetPixel(60, 12), 2);
    }

    [Fact]
    public void Process_webp_becomes_jpeg()
    {
        using var picture = Stored(1, 1000, 500);

        var outcome = Processor().Process(Webp(picture), "photo.webp");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("image/jpeg", "w800 800x400|full 1000x500"),
            (outcome.Value!.ContentType, string.Join('|', outcome.Value.Variants.Select(v => $"{v.Name} {v.Width}x{v.Height}"))));
    }

    /// <summary>The frame header (SOF0–SOF2): sample precision and number of components.</summary>
    private static (int Precision, int Count) Components(byte[] jpeg)
    {
        var sof = Metadata.JpegSegments(jpeg).First(s => s.Marker is 0xC0 or 0xC1 or 0xC2).Payload;
        Assert.True(BinaryPrimitives.ReadUInt16BigEndian(sof.AsSpan(1)) > 0);
        return (sof[0], sof[5]);
    }
}
