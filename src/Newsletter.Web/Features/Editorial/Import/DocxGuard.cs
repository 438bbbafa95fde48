using System.IO.Compression;
using System.Xml;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Looks through a .docx before the Open XML SDK parses anything: the zip may hold at most <see cref="MaxEntries"/>
/// parts and <see cref="MaxUncompressedBytes"/> once inflated (measured while inflating, not taken from the
/// declared sizes), no part may inflate more than <see cref="MaxRatio"/> times, and every XML part is streamed
/// through an <see cref="XmlReader"/> without DTDs, at most <see cref="MaxDepth"/> elements deep and
/// <see cref="MaxElements"/> elements in all. Word nests a few dozen levels at most; the SDK recurses per level, so a
/// 12 KB file nesting 100,000 content controls would overflow the stack and end the process.
/// Pictures are parts like any other: inflated and counted here, so all of a file's pictures together stay within
/// <see cref="MaxUncompressedBytes"/> before <see cref="WordPictures"/> reads one; each is then held to the media upload
/// limit (<c>Media:MaxUploadMegabytes</c>) by <see cref="Media.MediaService"/>, which leaves a larger one out with a warning.
/// </summary>
public static class DocxGuard
{
    public const int MaxEntries = 1000;
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;
    public const int MaxRatio = 200;
    public const int MaxDepth = 64;
    public const int MaxElements = 500_000;

    /// <summary>Below this many inflated bytes a part's ratio is not judged (small XML parts compress very well).</summary>
    private const long RatioFloor = 1024 * 1024;

    private const string Unusual = "文件结构异常（{0}），无法导入。请在 Word 中打开原文件，另存为 .docx 后再导入。";

    /// <summary>Null when the SDK may open the file; otherwise why not, in Chinese.</summary>
    public static string? Check(byte[] bytes, CancellationToken ct = default)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return string.Format(Unusual, $"包含 {zip.Entries.Count} 个部件，超过 {MaxEntries} 个");
            }

            var budget = new Budget();
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                using var stream = new MeteredStream(entry.Open(), entry.CompressedLength, budget);
                ReadPart(stream, budget, ct);
            }

            return null;
        }
        catch (RefusedException e)
        {
            return string.Format(Unusual, e.Message);
        }
    }

    /// <summary>An XML part is read to its end with the limits; anything else (an image) only inflated and counted.</summary>
    private static void ReadPart(MeteredStream stream, Budget budget, CancellationToken ct)
    {
        if (!LooksLikeXml(stream.Peek(64)))
        {
            stream.CopyTo(Stream.Null);
            return;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 1024, CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Depth >= MaxDepth)
                {
                    throw new RefusedException("嵌套过深");
                }

                if (++budget.Elements > MaxElements)
                {
                    throw new RefusedException($"元素超过 {MaxElements:N0} 个");
                }

                if (budget.Elements % 4096 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        catch (XmlException)
        {
            throw new RefusedException("XML 格式有误或含有 DTD 声明");
        }
    }

    /// <summary>After an optional byte-order mark and white space, XML starts with '&lt;' (UTF-8) or "&lt;\0" / "\0&lt;" (UTF-16).</summary>
    private static bool LooksLikeXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        head = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        head = head.TrimStart(" \t\r\n"u8);
        return head.Length > 0 && (head[0] == '<' || (head.Length > 1 && head[0] == 0 && head[1] == '<'));
    }

    private sealed class Budget
    {
        public long Bytes;
        public int Elements;
    }

    /// <summary>Counts the bytes a part really inflates to, and stops at the size and ratio limits; can look ahead.</summary>
    private sealed class MeteredStream(Stream inner, long compressed, Budget budget) : Stream
    {
        private long inflated;
        private byte[] ahead = [];
        private int aheadAt;

        /// <summary>Up to <paramref name="count"/> first bytes, which the next reads return again.</summary>
        public ReadOnlySpan<byte> Peek(int count)
        {
            var head = new byte[count];
            var read = 0;
            while (read < count && Read(head, read, count - read) is var n and > 0)
            {
                read += n;
            }

            (ahead, aheadAt) = (head[..read], 0);
            return ahead;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (aheadAt < ahead.Length)
            {
                var n = Math.Min(buffer.Length, ahead.Length - aheadAt);
                ahead.AsSpan(aheadAt, n).CopyTo(buffer);
                aheadAt += n;
                return n;
            }

            return Count(inner.Read(buffer));
        }

        private int Count(int read)
        {
            inflated += read;
            budget.Bytes += read;
            if (budget.Bytes > MaxUncompressedBytes
                || (inflated > RatioFloor && inflated > Math.Max(compressed, 1) * MaxRatio))
            {
                throw new RefusedException($"解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB 或压缩比异常，疑似压缩炸弹");
            }

            return read;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => inflated; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class RefusedException(string reason) : Exception(reason);
}
