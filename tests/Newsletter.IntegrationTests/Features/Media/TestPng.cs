using System.Buffers.Binary;
using System.IO.Compression;

namespace Newsletter.IntegrationTests.Features.Media;

/// <summary>
/// Opaque 8-bit RGB PNGs made in code (IHDR, one IDAT, IEND), so tests and the media benchmark need no fixture file.
/// Also linked into bench/Newsletter.LoadBench.
/// </summary>
public static class TestPng
{
    /// <summary>A gradient with noise from <paramref name="seed"/>: different seeds, different bytes.</summary>
    public static byte[] Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        return Encode(width, height, (x, y, channel) => (byte)((((x * 3) + channel) * 7) + (y * 3) + random.Next(16)), CompressionLevel.Fastest);
    }

    /// <summary>Random colour squares of <paramref name="block"/> pixels: a photo-sized file (1600×1000, 5 px ≈ 300 KB).</summary>
    public static byte[] Blocks(int width, int height, int block, int seed)
    {
        var random = new Random(seed);
        var colours = new byte[((height / block) + 1) * ((width / block) + 1) * 3];
        random.NextBytes(colours);
        var across = (width / block) + 1;
        return Encode(width, height, (x, y, channel) => colours[((((y / block) * across) + (x / block)) * 3) + channel], CompressionLevel.Optimal);
    }

    /// <summary>Left half red, right half blue (an orientation or a crop shows), rows shaded by their number.</summary>
    public static byte[] Halves(int width, int height, byte shade = 0) =>
        Encode(width, height, (x, y, channel) => channel switch
        {
            0 => x < width / 2 ? (byte)220 : shade,
            1 => (byte)(y % 256),
            _ => x < width / 2 ? shade : (byte)220,
        }, CompressionLevel.Fastest);

    private static byte[] Encode(int width, int height, Func<int, int, int, byte> sample, CompressionLevel level)
    {
        var stride = (width * 3) + 1; // a filter byte (0, none) before each row
        var raw = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var channel = 0; channel < 3; channel++)
                {
                    raw[(y * stride) + 1 + (x * 3) + channel] = sample(x, y, channel);
                }
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
