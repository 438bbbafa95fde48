using System.Buffers.Binary;
using System.Text;

namespace Newsletter.UnitTests.Features.Media;

/// <summary>What a phone writes into a photo (EXIF with GPS and camera, XMP, IPTC, a comment), and walkers that list what a file carries.</summary>
internal static class Metadata
{
    public const string Make = "TESTMAKERCORP";
    public const string Model = "SECRETPHONE-9";
    public const string Owner = "SECRET-OWNER-ZHANG";

    /// <summary>Latitude 22° 48′ 34.56″ as three EXIF rationals (little-endian): its bytes must not survive.</summary>
    public static readonly byte[] Latitude = Rationals((22, 1), (48, 1), (3456, 100));

    /// <summary>The JPEG with APP1 Exif (orientation, Make, Model, GPS IFD), APP1 XMP, APP13 IPTC and COM inserted after SOI.</summary>
    public static byte[] WithPhoneMetadata(byte[] jpeg, int orientation)
    {
        var segments = new[]
        {
            Segment(0xE1, [.. "Exif\0\0"u8, .. Exif(orientation)]),
            Segment(0xE1, Encoding.UTF8.GetBytes($"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>{Owner}</dc:creator></x:xmpmeta>")),
            Segment(0xED, Encoding.ASCII.GetBytes($"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x20{Owner}")),
            Segment(0xFE, Encoding.ASCII.GetBytes($"Comment by {Owner}")),
        };
        return [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];
    }

    /// <summary>Every marker from SOI up to and including SOS (the entropy-coded data follows SOS).</summary>
    public static IReadOnlyList<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG (no SOI)");
        var list = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[at]);
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            list.Add((marker, jpeg[(at + 4)..(at + 2 + length)]));
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return list;
    }

    public static IReadOnlyList<string> PngChunks(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        var list = new List<string>();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            list.Add(Encoding.ASCII.GetString(png, at + 4, 4));
            at += 12 + length;
        }

        return list;
    }

    public static void AssertNoPhoneMetadata(byte[] encoded)
    {
        Assert.Equal(-1, encoded.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Make)));
        Assert.Equal(-1, encoded.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Model)));
        Assert.Equal(-1, encoded.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Owner)));
        Assert.Equal(-1, encoded.AsSpan().IndexOf(Latitude));
        Assert.Equal(-1, encoded.AsSpan().IndexOf("Exif\0"u8));
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>A little-endian TIFF: IFD0 (Make, Model, Orientation, GPS pointer) and a GPS IFD (N, latitude, E, longitude).</summary>
    private static byte[] Exif(int orientation)
    {
        var make = Encoding.ASCII.GetBytes(Make + "\0");
        var model = Encoding.ASCII.GetBytes(Model + "\0");
        const int ifd0 = 8, ifd0Size = 2 + 4 * 12 + 4;
        var makeAt = ifd0 + ifd0Size;
        var modelAt = makeAt + make.Length;
        var gpsAt = modelAt + model.Length;
        const int gpsSize = 2 + 4 * 12 + 4;
        var latitudeAt = gpsAt + gpsSize;
        var longitudeAt = latitudeAt + 24;
        var tiff = new byte[longitudeAt + 24];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteInt32LittleEndian(tiff.AsSpan(4), ifd0);
        Ifd(tiff, ifd0, [(0x010F, 2, make.Length, makeAt), (0x0110, 2, model.Length, modelAt), (0x0112, 3, 1, orientation), (0x8825, 4, 1, gpsAt)]);
        make.CopyTo(tiff, makeAt);
        model.CopyTo(tiff, modelAt);
        Ifd(tiff, gpsAt, [(0x0001, 2, 2, 'N'), (0x0002, 5, 3, latitudeAt), (0x0003, 2, 2, 'E'), (0x0004, 5, 3, longitudeAt)]);
        Latitude.CopyTo(tiff, latitudeAt);
        Rationals((108, 1), (18, 1), (1234, 100)).CopyTo(tiff, longitudeAt);
        return tiff;
    }

    private static void Ifd(byte[] tiff, int at, (int Tag, int Type, int Count, int Value)[] entries)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = tiff.AsSpan(at + 2 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(e, (ushort)entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(e[2..], (ushort)entries[i].Type);
            BinaryPrimitives.WriteInt32LittleEndian(e[4..], entries[i].Count);
            BinaryPrimitives.WriteInt32LittleEndian(e[8..], entries[i].Value); // SHORT and short ASCII sit left-justified: little-endian does that
        }
    }

    private static byte[] Rationals(params (int Numerator, int Denominator)[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8), values[i].Numerator);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8 + 4), values[i].Denominator);
        }

        return bytes;
    }
}
