using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// Hostile .docx files written byte by byte as an attacker would (a zip of three parts, no Word involved): content
/// controls (<c>w:sdt</c>) nested thousands deep, a document part that inflates to over 100 MB of spaces, many paragraphs.
/// </summary>
internal static class CraftedDocx
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Relationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>The body holds <paramref name="depth"/> content controls, each inside the previous one, and the text in the innermost.</summary>
    public static byte[] Nested(int depth, string text = "嵌套的内容控件") => Package(writer =>
    {
        for (var i = 0; i < depth; i++)
        {
            writer.WriteStartElement("w", "sdt", W);
            writer.WriteStartElement("w", "sdtContent", W);
        }

        Paragraphs(writer, text);
        for (var i = 0; i < depth; i++)
        {
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    });

    /// <summary>A document part of <paramref name="megabytes"/> MB of spaces between two paragraphs: a few hundred KB deflated.</summary>
    public static byte[] Bomb(int megabytes) => Package(writer =>
    {
        Paragraphs(writer, "第一段");
        var spaces = new string(' ', 1024 * 1024);
        for (var i = 0; i < megabytes; i++)
        {
            writer.WriteWhitespace(spaces);
        }

        Paragraphs(writer, "最后一段");
    });

    /// <summary>The text as paragraphs (blank lines between them), with line breaks and tabs as Word stores them.</summary>
    public static byte[] Flat(string text) => Package(writer => Paragraphs(writer, text));

    /// <summary>A package whose document part is exactly <paramref name="documentXml"/>.</summary>
    public static byte[] Raw(string documentXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            Add(zip, "_rels/.rels", Relationships);
            Add(zip, "word/document.xml", documentXml);
        }

        return stream.ToArray();
    }

    private static void Paragraphs(XmlWriter writer, string text)
    {
        foreach (var block in text.Split("\n\n").Select(b => b.Trim('\n')).Where(b => b.Trim().Length > 0))
        {
            writer.WriteStartElement("w", "p", W);
            var lines = block.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                writer.WriteStartElement("w", "r", W);
                if (i > 0)
                {
                    writer.WriteElementString("w", "br", W, null);
                }

                var pieces = lines[i].Split('\t');
                for (var j = 0; j < pieces.Length; j++)
                {
                    if (j > 0)
                    {
                        writer.WriteElementString("w", "tab", W, null);
                    }

                    writer.WriteStartElement("w", "t", W);
                    writer.WriteAttributeString("xml", "space", null, "preserve");
                    writer.WriteString(pieces[j]);
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
    }

    private static byte[] Package(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            Add(zip, "_rels/.rels", Relationships);
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            using var writer = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement("w", "document", W);
            writer.WriteStartElement("w", "body", W);
            body(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var part = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        part.Write(content);
    }
}
