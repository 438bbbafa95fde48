using System.Buffers.Binary;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>Where a picture goes in <see cref="PictureDocx.Issue"/>: after the paragraph that starts with <see cref="After"/>.</summary>
public sealed record PicturePlacement(string After, byte[] Picture, string? Caption = null, string? Alt = null, bool CaptionInSameParagraph = false);

/// <summary>
/// An issue as Word holds one with photographs: the seed issue built by <see cref="SeedDocx"/>, and each picture inserted
/// as Word inserts one (w:drawing → wp:inline with wp:docPr → a:graphic → pic:pic → a:blip r:embed → the image part),
/// in a paragraph of its own followed by its 图为… caption paragraph, or with the caption in the same paragraph.
/// </summary>
public static class PictureDocx
{
    /// <summary>The seed issue's text under another number, as other import tests renumber it.</summary>
    public static string Renumbered(int number, int serial) =>
        SeedFiles.Issue65Text.Replace("第2期(总第65期)", $"第{number}期(总第{serial}期)", StringComparison.Ordinal);

    public static byte[] Issue(string text, params PicturePlacement[] pictures)
    {
        using var stream = new MemoryStream();
        stream.Write(SeedDocx.Build(text));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            var id = 1U;
            foreach (var placement in pictures)
            {
                var anchor = main.Document!.Body!.Elements<Paragraph>().First(p => p.InnerText.StartsWith(placement.After, StringComparison.Ordinal));
                var isEmf = placement.Picture.AsSpan().StartsWith((ReadOnlySpan<byte>)[1, 0, 0, 0]);
                var part = main.AddImagePart(isEmf ? ImagePartType.Emf : ImagePartType.Png);
                part.FeedData(new MemoryStream(placement.Picture));
                var picture = new Paragraph(new Run(Drawing(main.GetIdOfPart(part), id++, placement.Alt)));
                if (placement.Caption is not null && placement.CaptionInSameParagraph)
                {
                    picture.Append(new Run(new Break()), new Run(new Text(placement.Caption)));
                }

                anchor.InsertAfterSelf(picture);
                if (placement.Caption is not null && !placement.CaptionInSameParagraph)
                {
                    picture.InsertAfterSelf(new Paragraph(new Run(new Text(placement.Caption))));
                }
            }

            main.Document!.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The drawing Word writes for an inline picture 4 cm wide.</summary>
    public static Drawing Drawing(string relationshipId, uint id, string? alt)
    {
        const long Cx = 1440000L;
        const long Cy = 1080000L;
        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(
                new Pic.NonVisualDrawingProperties { Id = 0U, Name = $"image{id}.png" },
                new Pic.NonVisualPictureDrawingProperties()),
            new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = Cx, Cy = Cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        return new Drawing(new Wp.Inline(
            new Wp.Extent { Cx = Cx, Cy = Cy },
            new Wp.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new Wp.DocProperties { Id = id, Name = $"图片 {id}", Description = alt },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        });
    }

    /// <summary>A real PNG (8-bit RGB, a colour gradient, or seeded noise that does not compress) that any decoder reads.</summary>
    public static byte[] Png(int width, int height, bool noise = false)
    {
        var random = new Random(width * height);
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = (byte)(x * 255 / Math.Max(1, width - 1));
                raw[row + 2 + (x * 3)] = (byte)(y * 255 / Math.Max(1, height - 1));
                raw[row + 3 + (x * 3)] = noise ? (byte)random.Next(256) : (byte)128;
                if (noise)
                {
                    raw[row + 1 + (x * 3)] = (byte)random.Next(256);
                    raw[row + 2 + (x * 3)] = (byte)random.Next(256);
                }
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
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The start of an EMF file as Word stores a pasted chart: an EMR_HEADER record with " EMF" at byte 40.</summary>
    public static byte[] Emf()
    {
        var bytes = new byte[108];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 1); // EMR_HEADER
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 108);
        " EMF"u8.CopyTo(bytes.AsSpan(40));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(44), 0x10000);
        return bytes;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
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
