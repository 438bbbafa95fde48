using SkiaSharp;

namespace Newsletter.Web.Features.Media.Processing;

/// <summary>The EXIF orientation applied to the pixels, so the picture is upright once its metadata is gone.</summary>
internal static class Orientation
{
    /// <summary>Orientations 5–8 store the picture lying on its side: width and height swap.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
        or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>A copy drawn upright (pixel for pixel, no resampling), or the same bitmap when it already is.</summary>
    public static SKBitmap Apply(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return stored;
        }

        var (w, h) = (stored.Width, stored.Height);
        var upright = SwapsAxes(origin) ? stored.Info.WithSize(h, w) : stored.Info;
        var result = new SKBitmap(upright);
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(Matrix(origin, w, h));
        using var copy = new SKPaint { BlendMode = SKBlendMode.Src }; // the new pixels are uninitialised: copy, never blend over them
        canvas.DrawBitmap(stored, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), copy);
        return result;
    }

    /// <summary>Maps stored coordinates (w × h) to upright ones: x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.</summary>
    private static SKMatrix Matrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
