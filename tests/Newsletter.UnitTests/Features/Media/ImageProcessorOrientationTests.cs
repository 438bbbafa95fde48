using SkiaSharp;
using static Newsletter.UnitTests.Features.Media.TestPictures;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>A phone's photo comes out upright, and nothing of the phone, the place or the owner comes with it.</summary>
public sealed class ImageProcessorOrientationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Process_exif_orientation_pixels_upright_and_metadata_gone(int orientation)
    {
        using var stored = Stored(orientation, 80, 60);
        var photo = Metadata.WithPhoneMetadata(Jpeg(stored), orientation);
        using (var codec = SKCodec.Create(SKData.CreateCopy(photo)))
        {
            Assert.Equal((SKEncodedOrigin)orientation, codec.EncodedOrigin); // the input really says it
        }

        var outcome = Processor().Process(photo, "IMG_0001.JPG");

        Assert.True(outcome.Succeeded, outcome.Message);
        var image = outcome.Value!;
        Assert.Equal(("image/jpeg", ".jpg", 80, 60), (image.ContentType, image.Extension, image.Width, image.Height));
        var full = Assert.Single(image.Variants);
        using var upright = Decode(full.Bytes);
        Assert.Equal((80, 60), (upright.Width, upright.Height));
        AssertNear(Red, upright.GetPixel(20, 15));
        AssertNear(Green, upright.GetPixel(60, 15));
        AssertNear(Blue, upright.GetPixel(20, 45));
        AssertNear(Yellow, upright.GetPixel(60, 45));
        using (var codec = SKCodec.Create(SKData.CreateCopy(full.Bytes)))
        {
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }

        Metadata.AssertNoPhoneMetadata(full.Bytes);
    }

    [Fact]
    public void Process_phone_jpeg_every_variant_has_no_app1_app13_or_comment()
    {
        using var stored = Stored(6, 3000, 2000);
        var photo = Metadata.WithPhoneMetadata(Jpeg(stored, 80), 6);
        Assert.Contains(Metadata.JpegSegments(photo), s => s.Marker == 0xE1); // the walker sees what the phone wrote

        var outcome = Processor().Process(photo, "IMG_0002.jpg");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(["w800", "w1600", "full"], outcome.Value!.Variants.Select(v => v.Name));
        foreach (var variant in outcome.Value.Variants)
        {
            var markers = Metadata.JpegSegments(variant.Bytes).Select(s => s.Marker).ToList();
            Assert.DoesNotContain((byte)0xE1, markers); // Exif, XMP
            Assert.DoesNotContain((byte)0xED, markers); // IPTC (Photoshop)
            Assert.DoesNotContain((byte)0xFE, markers); // comment
            Assert.DoesNotContain((byte)0xE2, markers); // no ICC profile either: untagged means sRGB
            Metadata.AssertNoPhoneMetadata(variant.Bytes);
        }
    }

    [Fact]
    public void Process_png_with_text_and_exif_chunks_writes_none_of_them()
    {
        using var picture = Solid(40, 30, new SKColor(10, 120, 200, 128));
        var png = Png(picture);
        var chunks = new[]
        {
            Chunk("tEXt", Ascii($"Author\0{Metadata.Owner}")),
            Chunk("iTXt", Ascii($"Description\0\0\0\0\0{Metadata.Owner}")),
            Chunk("zTXt", Ascii("Comment\0\0x")),
            Chunk("eXIf", Ascii($"II*\0{Metadata.Make}")),
        };
        var withText = png[..33].Concat(chunks.SelectMany(c => c)).Concat(png[33..]).ToArray(); // after the signature and IHDR
        Assert.Contains("tEXt", Metadata.PngChunks(withText));

        var outcome = Processor().Process(withText, "chart.png");

        Assert.True(outcome.Succeeded, outcome.Message);
        var bytes = Assert.Single(outcome.Value!.Variants).Bytes;
        var written = Metadata.PngChunks(bytes);
        Assert.Empty(written.Intersect(["eXIf", "tEXt", "iTXt", "zTXt", "iCCP"]));
        Metadata.AssertNoPhoneMetadata(bytes);
    }

    [Fact]
    public void Process_transparent_webp_with_exif_orientation_turned_and_still_transparent()
    {
        using var stored = new SKBitmap(new SKImageInfo(30, 40, SKColorType.Rgba8888, SKAlphaType.Premul));
        stored.Erase(SKColors.Transparent);
        stored.Erase(new SKColor(40, 60, 200), new SKRectI(0, 0, 30, 10)); // stored top rows: the right-hand side once upright (6)
        var webp = WebpWithOrientation(stored, 6);
        using (var codec = SKCodec.Create(SKData.CreateCopy(webp)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        }

        var outcome = Processor().Process(webp, "sticker.webp");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("image/png", 40, 30), (outcome.Value!.ContentType, outcome.Value.Width, outcome.Value.Height));
        using var upright = Decode(Assert.Single(outcome.Value.Variants).Bytes);
        AssertNear(new SKColor(40, 60, 200), upright.GetPixel(35, 15), 2);
        Assert.Equal(255, upright.GetPixel(35, 15).Alpha);
        Assert.All(Enumerable.Range(0, 30), y => Assert.Equal(0, upright.GetPixel(5, y).Alpha));
    }

    /// <summary>Lossless WebP from Skia, rewrapped as extended WebP (VP8X) with an EXIF chunk holding only the orientation.</summary>
    private static byte[] WebpWithOrientation(SKBitmap bitmap, int orientation)
    {
        using var encoded = bitmap.PeekPixels().Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100));
        var simple = encoded!.ToArray();
        Assert.True(simple.AsSpan(12, 4).SequenceEqual("VP8L"u8), "Skia wrote a simple lossless WebP");
        byte[] tiff = [.. "MM\0*"u8, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0];
        int w = bitmap.Width - 1, h = bitmap.Height - 1;
        byte[] vp8x = [.. "VP8X"u8, 10, 0, 0, 0, 0x18, 0, 0, 0, (byte)w, (byte)(w >> 8), (byte)(w >> 16), (byte)h, (byte)(h >> 8), (byte)(h >> 16)];
        byte[] exif = [.. "EXIF"u8, (byte)tiff.Length, 0, 0, 0, .. tiff];
        byte[] body = [.. "WEBP"u8, .. vp8x, .. simple[12..], .. exif];
        var size = body.Length;
        return [.. "RIFF"u8, (byte)size, (byte)(size >> 8), (byte)(size >> 16), (byte)(size >> 24), .. body];
    }
}
