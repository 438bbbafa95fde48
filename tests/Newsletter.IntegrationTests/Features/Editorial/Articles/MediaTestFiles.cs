using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>
/// Real files built in code for the upload tests: a PNG (RGB, one colour), a PDF, and an EXIF orientation block
/// spliced into a JPEG the way a phone writes it.
/// </summary>
public static class MediaTestFiles
{
    /// <summary>A valid PNG of the given size in one colour.</summary>
    public static byte[] Png(int width, int height, byte red = 200, byte green = 60, byte blue = 40)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3)); // filter byte 0, then RGB
            for (var x = 0; x < width; x++)
            {
                (raw[row + 1 + (x * 3)], raw[row + 2 + (x * 3)], raw[row + 3 + (x * 3)]) = (red, green, blue);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2); // 8-bit RGB
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        png.Write(Chunk("IHDR", header));
        png.Write(Chunk("IDAT", compressed.ToArray()));
        png.Write(Chunk("IEND", []));
        return png.ToArray();
    }

    /// <summary>A small PDF of about <paramref name="size"/> bytes (a comment pads it).</summary>
    public static byte[] Pdf(int size = 2048)
    {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n";
        var trailer = "trailer << /Root 1 0 R >>\n%%EOF\n";
        var padding = Math.Max(0, size - text.Length - trailer.Length - 2);
        return Encoding.ASCII.GetBytes(text + "%" + new string('x', padding) + "\n" + trailer);
    }

    /// <summary>The JPEG with an APP1 Exif block saying the stored pixels must be turned (6 = 90° clockwise), after its JFIF block.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("not a JPEG", nameof(jpeg));
        }

        // "Exif\0\0", big-endian TIFF header, IFD0 with one entry (0x0112 Orientation, SHORT, 1), no next IFD.
        byte[] exif =
        [
            .. "Exif\0\0"u8, .. "MM"u8, 0, 42, 0, 0, 0, 8,
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0,
            0, 0, 0, 0,
        ];
        var segment = new byte[4 + exif.Length];
        (segment[0], segment[1]) = (0xFF, 0xE1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        return [.. jpeg.AsSpan(0, at), .. segment, .. jpeg.AsSpan(at)];
    }

    private static byte[] Chunk(string type, byte[] data)
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
