using System.Buffers.Binary;
using System.Text;
using Newsletter.IntegrationTests.Features.Media;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>
/// Files for the editor's upload tests beyond <see cref="TestImages"/>: a PDF of a given size, and an EXIF orientation
/// block spliced into a JPEG the way a phone writes it.
/// </summary>
public static class MediaTestFiles
{
    /// <summary>The one-page PDF of <see cref="TestImages.Pdf"/> padded with a comment line to <paramref name="size"/> bytes.</summary>
    public static byte[] Pdf(int size)
    {
        var pdf = Encoding.ASCII.GetString(TestImages.Pdf());
        var at = pdf.IndexOf("trailer", StringComparison.Ordinal);
        var padding = Math.Max(0, size - pdf.Length - 2);
        return Encoding.ASCII.GetBytes(pdf[..at] + "%" + new string('x', padding) + "\n" + pdf[at..]);
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
}
