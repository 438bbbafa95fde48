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
}
