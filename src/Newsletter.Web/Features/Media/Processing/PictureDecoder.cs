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
    /// give natively (JPEG and WebP: k/8) that is still at least the "full" size, then resamples to exactly that. PNG and GIF
    /// have no scaled decoding, and this Skia build has no PNG scanline decoding either (<c>Unimplemented</c>), so they are
    /// decoded whole: 4 bytes a pixel, 400 MB at <see cref="MediaOptions.MaxPixels"/>. Null, with the message, when it cannot.
    /// </summary>
    public static SKBitmap? Decode(SKCodec codec, int masterEdge, out string? failure)
    {
        var full = FullSize(codec, masterEdge);
        var size = NativeSize(codec, full);
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = DecodeWhole(codec, info, out var result);
        if (bitmap is null)
        {
            failure = result == SKCodecResult.IncompleteInput ? ImageMessages.Truncated : ImageMessages.Damaged;
            return null;
        }

        failure = null;
        if (bitmap.Width == full.Width && bitmap.Height == full.Height)
        {
            return bitmap;
        }

        using (bitmap)
        {
            return Resampler.Resize(bitmap, full.Width, full.Height);
        }
    }

    private static SKBitmap? DecodeWhole(SKCodec codec, SKImageInfo info, out SKCodecResult result)
    {
        var bitmap = new SKBitmap();
        result = bitmap.TryAllocPixels(info) ? codec.GetPixels(info, bitmap.GetPixels()) : SKCodecResult.InternalError;
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
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
