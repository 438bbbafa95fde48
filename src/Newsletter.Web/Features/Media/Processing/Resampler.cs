using SkiaSharp;

namespace Newsletter.Web.Features.Media.Processing;

/// <summary>
/// Downscaling that keeps detail without aliasing: exact halvings (bilinear at ½ is a 2×2 box average) while the
/// picture is at least twice the target, then one Mitchell cubic step (a cubic alone aliases below ½).
/// </summary>
internal static class Resampler
{
    private static readonly SKSamplingOptions Halving = new(SKFilterMode.Linear, SKMipmapMode.None);
    private static readonly SKSamplingOptions Final = new(SKCubicResampler.Mitchell);

    /// <summary>A new bitmap of the given size; the source is left as it is.</summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var current = source;
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            current = Step(current, current.Width / 2, current.Height / 2, Halving, source);
        }

        return current.Width == width && current.Height == height && current != source
            ? current
            : Step(current, width, height, Final, source);
    }

    private static SKBitmap Step(SKBitmap from, int width, int height, SKSamplingOptions sampling, SKBitmap source)
    {
        var to = new SKBitmap(from.Info.WithSize(width, height));
        using (var src = from.PeekPixels())
        using (var dst = to.PeekPixels())
        {
            if (!src.ScalePixels(dst, sampling))
            {
                throw new InvalidOperationException($"Skia could not scale {from.Width}×{from.Height} to {width}×{height}.");
            }
        }

        if (from != source)
        {
            from.Dispose();
        }

        return to;
    }
}
