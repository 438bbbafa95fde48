using Microsoft.Extensions.Options;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Media.Processing;
using SkiaSharp;

namespace Newsletter.Web.Features.Media;

/// <summary>The "full" picture and its narrower copies, as they will be served.</summary>
public sealed record ImageVariant(string Name, int Width, int Height, byte[] Bytes);

/// <summary>A picture ready to store: all variants share one type; Width/Height are the "full" variant's, upright.</summary>
public sealed record ProcessedImage(string ContentType, string Extension, int Width, int Height, IReadOnlyList<ImageVariant> Variants);

/// <summary>
/// Turns an uploaded picture into what is served: decoded by Skia (only JPEG, PNG, GIF's first frame, WebP), refused
/// from its header when too many pixels, turned upright by its EXIF orientation, converted to sRGB 8-bit, downscaled
/// (never up), and re-encoded — JPEG q85, or PNG when it has real transparency. Re-encoding writes no EXIF, GPS, XMP,
/// IPTC or comments, so nothing of the phone or its owner survives. Holds no state: one instance serves every request.
/// </summary>
public sealed class ImageProcessor(IOptions<MediaOptions> options)
{
    private const int JpegQuality = 85;
    private static readonly SKEncodedImageFormat[] Decoded =
        [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Gif, SKEncodedImageFormat.Webp];

    public Outcome<ProcessedImage> Process(byte[] content, string fileName)
    {
        var limits = options.Value;
        if (content.Length == 0)
        {
            return Outcome<ProcessedImage>.Invalid(ImageMessages.Empty);
        }

        if (content.Length > limits.MaxUploadBytes)
        {
            return Outcome<ProcessedImage>.Invalid(ImageMessages.TooLarge(limits, content.Length));
        }

        if (ImageSniffer.IsSvg(content))
        {
            return Outcome<ProcessedImage>.Invalid(ImageMessages.Svg);
        }

        var brands = ImageSniffer.FtypBrands(content);
        if (ImageSniffer.IsHeif(brands) || ImageSniffer.IsAvif(brands))
        {
            return Outcome<ProcessedImage>.Invalid(ImageSniffer.IsAvif(brands) ? ImageMessages.Avif : ImageMessages.Heic);
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Outcome<ProcessedImage>.Invalid(ImageMessages.NotAnImage(fileName));
        }

        if (!Decoded.Contains(codec.EncodedFormat))
        {
            return Outcome<ProcessedImage>.Invalid(ImageMessages.Unsupported(codec.EncodedFormat));
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > limits.MaxPixels)
        {
            return Outcome<ProcessedImage>.Invalid(ImageMessages.TooManyPixels(width, height, limits.MaxPixels));
        }

        var decoded = PictureDecoder.Decode(codec, limits.MasterEdge, out var failure);
        if (decoded is null)
        {
            return Outcome<ProcessedImage>.Invalid(failure!);
        }

        using (decoded)
        {
            return Outcome.Ok(Encode(decoded, codec.EncodedOrigin, limits));
        }
    }

    private static ProcessedImage Encode(SKBitmap decoded, SKEncodedOrigin origin, MediaOptions limits)
    {
        var full = Orientation.Apply(decoded, origin);
        try
        {
            var transparent = full.AlphaType != SKAlphaType.Opaque && !full.PeekPixels().ComputeIsOpaque();
            var variants = new List<ImageVariant>();
            var larger = full;
            foreach (var width in limits.VariantWidths.Where(w => w < full.Width).Distinct().OrderDescending())
            {
                var height = Math.Max(1, (int)Math.Round(full.Height * (double)width / full.Width));
                var next = Resampler.Resize(larger, width, height);
                if (larger != full)
                {
                    larger.Dispose();
                }

                variants.Add(Variant($"w{width}", next, transparent));
                larger = next;
            }

            if (larger != full)
            {
                larger.Dispose();
            }

            variants.Reverse();
            variants.Add(Variant("full", full, transparent));
            return transparent
                ? new ProcessedImage("image/png", ".png", full.Width, full.Height, variants)
                : new ProcessedImage("image/jpeg", ".jpg", full.Width, full.Height, variants);
        }
        finally
        {
            if (full != decoded)
            {
                full.Dispose();
            }
        }
    }

    /// <summary>Encoded without a colour profile: the pixels are sRGB, which is what an untagged picture means on the web.</summary>
    private static ImageVariant Variant(string name, SKBitmap bitmap, bool png)
    {
        var info = new SKImageInfo(bitmap.Width, bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var untagged = new SKPixmap(info, bitmap.GetPixels(), bitmap.RowBytes);
        using var data = png
            ? untagged.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            : untagged.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return data is null
            ? throw new InvalidOperationException($"Skia could not encode the {name} variant ({bitmap.Width}×{bitmap.Height}).")
            : new ImageVariant(name, bitmap.Width, bitmap.Height, data.ToArray());
    }
}
