using SkiaSharp;
using static Newsletter.UnitTests.Features.Media.TestPictures;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>A PNG far larger than the "full" size (PNG has no scaled decoding): halvings, then Mitchell, to exactly the full size.</summary>
public sealed class ImageProcessorLargePngTests
{
    [Fact]
    public void Process_png_four_times_the_master_edge_reduced()
    {
        using var picture = Stored(1, 2000, 1500);

        var outcome = Processor(o => (o.MasterEdge, o.VariantWidths) = (500, [200])).Process(Png(picture), "scan.png");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("image/jpeg|w200 200x150|full 500x375",
            outcome.Value!.ContentType + "|" + string.Join('|', outcome.Value.Variants.Select(v => $"{v.Name} {v.Width}x{v.Height}")));
        using var full = Decode(outcome.Value.Variants[^1].Bytes);
        AssertNear(Red, full.GetPixel(60, 40));
        AssertNear(Green, full.GetPixel(440, 40));
        AssertNear(Blue, full.GetPixel(60, 330));
        AssertNear(Yellow, full.GetPixel(440, 330));
    }

    [Fact]
    public void Process_large_transparent_png_reduced_keeps_transparency()
    {
        using var picture = Solid(1300, 900, new SKColor(40, 60, 200));
        picture.Erase(SKColors.Transparent, new SKRectI(0, 0, 650, 900));

        var outcome = Processor(o => (o.MasterEdge, o.VariantWidths) = (400, [])).Process(Png(picture), "logo.png");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(("image/png", 400, 277), (outcome.Value!.ContentType, outcome.Value.Width, outcome.Value.Height));
        using var full = Decode(Assert.Single(outcome.Value.Variants).Bytes);
        Assert.Equal(0, full.GetPixel(50, 100).Alpha);
        Assert.Equal(255, full.GetPixel(350, 100).Alpha);
        AssertNear(new SKColor(40, 60, 200), full.GetPixel(350, 100), 2);
    }

    [Fact]
    public void Process_truncated_large_png_refused()
    {
        using var picture = Stored(1, 2000, 1500);
        var png = Png(picture);

        var outcome = Processor(o => o.MasterEdge = 500).Process(png[..(png.Length / 2)], "scan.png");

        Assert.False(outcome.Succeeded);
        AssertChinese(outcome.Message, "不完整");
    }

    [Fact]
    public void Process_interlaced_png_reduced()
    {
        var png = Fixture("interlaced.png");
        Assert.Equal(1, png[28]); // IHDR interlace method: Adam7

        var outcome = Processor(o => (o.MasterEdge, o.VariantWidths) = (200, [])).Process(png, "interlaced.png");

        Assert.True(outcome.Succeeded, outcome.Message);
        using var full = Decode(Assert.Single(outcome.Value!.Variants).Bytes);
        Assert.Equal((200, 133), (full.Width, full.Height));
        AssertNear(Red, full.GetPixel(30, 30));
        AssertNear(Yellow, full.GetPixel(170, 110));
    }
}
