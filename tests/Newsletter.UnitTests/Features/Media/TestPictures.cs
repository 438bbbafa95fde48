using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Options;
using Newsletter.Web.Features.Media;
using SkiaSharp;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>Pictures made in code with Skia (and the committed fixtures made once with ImageMagick and heif-enc).</summary>
internal static class TestPictures
{
    public static readonly SKColor Red = new(220, 30, 30);
    public static readonly SKColor Green = new(30, 180, 30);
    public static readonly SKColor Blue = new(30, 30, 220);
    public static readonly SKColor Yellow = new(230, 220, 40);

    public static ImageProcessor Processor(Action<MediaOptions>? configure = null)
    {
        var options = new MediaOptions();
        configure?.Invoke(options);
        return new ImageProcessor(Options.Create(options));
    }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Media", name));

    /// <summary>Upright: red top-left, green top-right, blue bottom-left, yellow bottom-right.</summary>
    public static SKColor Quadrant(int x, int y, int width, int height) =>
        (x < width / 2, y < height / 2) switch
        {
            (true, true) => Red,
            (false, true) => Green,
            (true, false) => Blue,
            _ => Yellow,
        };

    /// <summary>
    /// The quadrant picture as a camera would store it for an EXIF orientation (1–8): each stored pixel (x, y) holds
    /// the upright pixel the orientation sends it to (EXIF: 6 = row 0 is the right-hand side, column 0 the top).
    /// </summary>
    public static SKBitmap Stored(int orientation, int width, int height)
    {
        var swap = orientation >= 5;
        var (w, h) = swap ? (height, width) : (width, height);
        var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Opaque)); // an SKColor's layout
        var pixels = MemoryMarshal.Cast<byte, SKColor>(bitmap.GetPixelSpan());
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (ux, uy) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (h - 1 - y, x),
                    7 => (h - 1 - y, w - 1 - x),
                    8 => (y, w - 1 - x),
                    _ => (x, y),
                };
                pixels[y * w + x] = Quadrant(ux, uy, width, height);
            }
        }

        return bitmap;
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 95)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Webp(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 90);
        return data.ToArray();
    }

    public static SKBitmap Solid(int width, int height, SKColor color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(color);
        return bitmap;
    }

    /// <summary>Decoded back with Skia to sRGB 8-bit, for reading pixels of a result.</summary>
    public static SKBitmap Decode(byte[] encoded)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(encoded)) ?? throw new InvalidDataException("not decodable");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        return bitmap;
    }

    public static void AssertNear(SKColor expected, SKColor actual, int tolerance = 12)
    {
        var ok = Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= tolerance;
        Assert.True(ok, $"expected about {expected}, got {actual}");
    }

    public static void AssertChinese(string? message, params string[] words)
    {
        Assert.NotNull(message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}{4,}", message);
        foreach (var word in words)
        {
            Assert.Contains(word, message);
        }
    }

    public static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A PNG chunk with its CRC, for building files by hand.</summary>
    public static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
