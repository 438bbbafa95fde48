using SkiaSharp;

namespace Newsletter.Web.Features.Media.Processing;

/// <summary>
/// A big PNG (up to <see cref="MediaOptions.MaxPixels"/>) decoded a band of rows at a time and averaged by an integer
/// factor on the way, so memory is the reduced picture plus one band (a 10000×10000 PNG for 3200: 44 MB + 480 KB,
/// instead of 400 MB). PNG has no scaled decoding of its own, as JPEG's k/8 is.
/// </summary>
internal static class BandReducer
{
    /// <summary>
    /// The reduced bitmap (width/factor × height/factor); null with <paramref name="result"/> when the codec stopped early,
    /// or with <see cref="SKCodecResult.Unimplemented"/> when it cannot go row by row (the caller then decodes it whole).
    /// </summary>
    public static SKBitmap? Decode(SKCodec codec, SKImageInfo full, int factor, out SKCodecResult result)
    {
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        result = codec.ScanlineOrder == SKCodecScanlineOrder.TopDown
            ? codec.StartScanlineDecode(full.WithSize(w, h)) // the whole picture's size; rows are then pulled a band at a time
            : SKCodecResult.Unimplemented;
        if (result != SKCodecResult.Success)
        {
            return null;
        }

        var (outW, outH) = (w / factor, h / factor);
        var reduced = new SKBitmap(full.WithSize(outW, outH));
        using var band = new SKBitmap(full.WithSize(w, factor));
        var sums = new int[outW * 4];
        var area = factor * factor;
        for (var oy = 0; oy < outH; oy++)
        {
            if (codec.GetScanlines(band.GetPixels(), factor, band.RowBytes) < factor)
            {
                reduced.Dispose();
                result = SKCodecResult.IncompleteInput;
                return null;
            }

            Array.Clear(sums);
            var pixels = band.GetPixelSpan();
            for (var row = 0; row < factor; row++)
            {
                var line = pixels.Slice(row * band.RowBytes, outW * factor * 4);
                for (int ox = 0, at = 0; ox < outW; ox++)
                {
                    for (var k = 0; k < factor; k++, at += 4)
                    {
                        sums[ox * 4] += line[at];
                        sums[(ox * 4) + 1] += line[at + 1];
                        sums[(ox * 4) + 2] += line[at + 2];
                        sums[(ox * 4) + 3] += line[at + 3];
                    }
                }
            }

            var target = reduced.GetPixelSpan().Slice(oy * reduced.RowBytes, outW * 4);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = (byte)((sums[i] + (area / 2)) / area);
            }
        }

        var rest = h - (outH * factor);
        result = rest == 0 || codec.SkipScanlines(rest) ? SKCodecResult.Success : SKCodecResult.IncompleteInput;
        if (result != SKCodecResult.Success)
        {
            reduced.Dispose();
            return null;
        }

        return reduced;
    }
}
