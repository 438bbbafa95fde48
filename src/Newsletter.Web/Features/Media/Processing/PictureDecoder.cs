using SkiaSharp;

namespace Newsletter.Web.Features.Media.Processing;

/// <summary>From a codec whose header passed the checks to the "full" picture's pixels, still in stored orientation.</summary>
internal static class PictureDecoder
{
    /// <summary>The "full" size in stored (not yet upright) orientation: the longest edge at most <paramref name="masterEdge"/>.</summary>
    private static SKSizeI FullSize(SKCodec codec, int masterEdge)
    {
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        var scale = Math.Min(1d, masterEdge / (double)Math.Max(w, h));
        return new SKSizeI(Math.Max(1, (int)Math.Round(w * scale)), Math.Max(1, (int)Math.Round(h * scale)));
    }

    /// <summary>
    /// Decodes to sRGB 8-bit (Skia converts CMYK, 16-bit and ICC-tagged input), at the smallest size the codec can
    /// give natively (JPEG: n/8) that is still at least the "full" size, then resamples to exactly that.
    /// Null, with the message, when it cannot.
    /// </summary>
    public static SKBitmap? Decode(SKCodec codec, int masterEdge, out string? failure)
    {
        var full = FullSize(codec, masterEdge);
        var size = NativeSize(codec, full);
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            failure = ImageMessages.Damaged;
            return null;
        }

        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            failure = result == SKCodecResult.IncompleteInput ? ImageMessages.Truncated : ImageMessages.Damaged;
            return null;
        }

        failure = null;
        if (size == full)
        {
            return bitmap;
        }

        using (bitmap)
        {
            return Resampler.Resize(bitmap, full.Width, full.Height);
        }
    }

    /// <summary>
    /// The smallest of the codec's own sizes (k/8; Skia rounds to the nearest, so each is asked) that is not below
    /// <paramref name="full"/>: a 4000×3000 JPEG for 3200 decodes at 7/8, 3500×2625. PNG and GIF only have their own size.
    /// </summary>
    private static SKSizeI NativeSize(SKCodec codec, SKSizeI full)
    {
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (scaled.Width >= full.Width && scaled.Height >= full.Height)
            {
                return scaled;
            }
        }

        return codec.Info.Size;
    }
}
