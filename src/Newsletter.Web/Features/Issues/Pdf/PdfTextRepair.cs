using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>
/// Makes the text of Chromium's PDFs copy and search as written. The CJK fonts (Noto CJK) map a Kangxi radical
/// (⼯ U+2F2F) and the ideograph it looks like (工 U+5DE5) to the same glyph, and Chromium's PDF writer names the glyph
/// by the radical, so 工作通讯 would be extracted as ⼯作通讯. This rewrites each font's ToUnicode map to the ideographs
/// (Unicode compatibility normalization) and writes a new cross-reference table. Anything it does not recognize it
/// leaves as it was.
/// </summary>
public static partial class PdfTextRepair
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Repair(byte[] pdf)
    {
        var text = Latin1.GetString(pdf); // one char per byte, so indexes are byte offsets
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startxref < 0)
        {
            return pdf;
        }

        var xrefAt = int.Parse(StartXref().Match(text, startxref).Groups[1].Value, CultureInfo.InvariantCulture);
        if (string.CompareOrdinal(text, xrefAt, "xref", 0, 4) != 0)
        {
            return pdf; // a cross-reference stream: not what Chromium writes
        }

        var trailerAt = text.IndexOf("trailer", xrefAt, StringComparison.Ordinal);
        var offsets = new SortedDictionary<int, int>(); // object number → offset
        foreach (Match section in XrefSection().Matches(text[xrefAt..trailerAt]))
        {
            var first = int.Parse(section.Groups["first"].Value, CultureInfo.InvariantCulture);
            var entries = section.Groups["entry"].Captures;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i].Value;
                if (entry.EndsWith('n'))
                {
                    offsets[first + i] = int.Parse(entry[..10], CultureInfo.InvariantCulture);
                }
            }
        }

        var toUnicode = ToUnicodeReference().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        var byOffset = offsets.OrderBy(o => o.Value).ToList();
        var replaced = new Dictionary<int, byte[]>();
        for (var i = 0; i < byOffset.Count; i++)
        {
            var (number, start) = byOffset[i];
            if (!toUnicode.Contains(number))
            {
                continue;
            }

            var end = i + 1 < byOffset.Count ? byOffset[i + 1].Value : xrefAt;
            if (RepairObject(pdf, text, start, end) is { } repaired)
            {
                replaced[number] = repaired;
            }
        }

        if (replaced.Count == 0)
        {
            return pdf;
        }

        using var output = new MemoryStream(pdf.Length);
        output.Write(pdf, 0, byOffset[0].Value);
        var newOffsets = new Dictionary<int, long>();
        for (var i = 0; i < byOffset.Count; i++)
        {
            var (number, start) = byOffset[i];
            var end = i + 1 < byOffset.Count ? byOffset[i + 1].Value : xrefAt;
            newOffsets[number] = output.Position;
            if (replaced.TryGetValue(number, out var bytes))
            {
                output.Write(bytes);
            }
            else
            {
                output.Write(pdf, start, end - start);
            }
        }

        var size = offsets.Keys.Max() + 1;
        var xref = new StringBuilder();
        var newXrefAt = output.Position;
        xref.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
        for (var number = 1; number < size; number++)
        {
            xref.Append(newOffsets.TryGetValue(number, out var at)
                ? at.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n"
                : "0000000000 65535 f \n");
        }

        xref.Append(text, trailerAt, startxref - trailerAt);
        xref.Append(CultureInfo.InvariantCulture, $"startxref\n{newXrefAt}\n%%EOF\n");
        output.Write(Latin1.GetBytes(xref.ToString()));
        return output.ToArray();
    }

    /// <summary>The object rewritten with a repaired map, or null when it needs nothing (or is not a plain Flate stream).</summary>
    private static byte[]? RepairObject(byte[] pdf, string text, int start, int end)
    {
        var header = StreamHeader().Match(text, start, end - start);
        if (!header.Success || header.Index != start || !header.Value.Contains("/FlateDecode", StringComparison.Ordinal))
        {
            return null;
        }

        var dataAt = header.Index + header.Length;
        var length = int.Parse(header.Groups["length"].Value, CultureInfo.InvariantCulture);
        if (dataAt + length > end)
        {
            return null;
        }

        string cmap;
        using (var inflate = new ZLibStream(new MemoryStream(pdf, dataAt, length), CompressionMode.Decompress))
        using (var reader = new StreamReader(inflate, Latin1))
        {
            cmap = reader.ReadToEnd();
        }

        if (!cmap.Contains("begincmap", StringComparison.Ordinal) || RepairCMap(cmap) is not { } repaired)
        {
            return null;
        }

        using var compressed = new MemoryStream();
        using (var deflate = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Latin1.GetBytes(repaired));
        }

        var body = compressed.ToArray();
        var rest = text.IndexOf("endstream", dataAt + length, end - dataAt - length, StringComparison.Ordinal);
        if (rest < 0)
        {
            return null;
        }

        using var result = new MemoryStream();
        var lengthGroup = header.Groups["length"];
        result.Write(Latin1.GetBytes(text[start..lengthGroup.Index] + body.Length.ToString(CultureInfo.InvariantCulture)
            + text[(lengthGroup.Index + lengthGroup.Length)..dataAt]));
        result.Write(body);
        result.Write(Latin1.GetBytes("\n"));
        result.Write(pdf, rest, end - rest);
        return result.ToArray();
    }

    /// <summary>The map with radicals replaced by ideographs, as single mappings; null when there are none or it has forms it does not know.</summary>
    public static string? RepairCMap(string cmap)
    {
        var mappings = new List<(string Code, string Unicode)>();
        var firstBlock = int.MaxValue;
        var lastBlock = -1;
        foreach (Match block in CMapBlock().Matches(cmap))
        {
            firstBlock = Math.Min(firstBlock, block.Index);
            lastBlock = Math.Max(lastBlock, block.Index + block.Length);
            var body = block.Groups["body"].Value;
            if (block.Groups["kind"].Value == "char")
            {
                foreach (Match pair in HexPair().Matches(body))
                {
                    mappings.Add((pair.Groups[1].Value, pair.Groups[2].Value));
                }

                continue;
            }

            if (body.Contains('[', StringComparison.Ordinal))
            {
                return null;
            }

            foreach (Match range in HexRange().Matches(body))
            {
                var width = range.Groups[1].Value.Length;
                var low = Convert.ToInt32(range.Groups[1].Value, 16);
                var high = Convert.ToInt32(range.Groups[2].Value, 16);
                var destination = Convert.FromHexString(range.Groups[3].Value);
                for (var code = low; code <= high; code++)
                {
                    mappings.Add((code.ToString("X" + width, CultureInfo.InvariantCulture), Convert.ToHexString(destination)));
                    destination[^1]++; // bfrange increments the last byte only
                }
            }
        }

        var changed = false;
        for (var i = 0; i < mappings.Count; i++)
        {
            var unicode = Encoding.BigEndianUnicode.GetString(Convert.FromHexString(mappings[i].Unicode));
            var fixedText = Unify(unicode);
            if (fixedText != unicode)
            {
                mappings[i] = (mappings[i].Code, Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(fixedText)));
                changed = true;
            }
        }

        if (!changed)
        {
            return null;
        }

        var blocks = new StringBuilder();
        foreach (var chunk in mappings.Chunk(100))
        {
            blocks.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (code, unicode) in chunk)
            {
                blocks.Append(CultureInfo.InvariantCulture, $"<{code}> <{unicode}>\n");
            }

            blocks.Append("endbfchar\n");
        }

        return cmap[..firstBlock] + blocks + cmap[lastBlock..];
    }

    /// <summary>
    /// CJK Radicals Supplement forms that Noto CJK draws with the same glyph as a common (mostly simplified) ideograph —
    /// ⻛ for 风, ⻓ for 长, ⻔ for 门 — and that Unicode normalization leaves alone, as listed in Unicode's
    /// EquivalentUnifiedIdeograph.txt (only the forms that Chinese text uses).
    /// </summary>
    private static readonly Dictionary<char, string> SupplementRadicals = new()
    {
        ['\u2EA9'] = "王", ['\u2EAE'] = "竹", ['\u2EB7'] = "羊", ['\u2EC4'] = "西", ['\u2EC5'] = "见", ['\u2EC6'] = "角",
        ['\u2EC8'] = "讠", ['\u2EC9'] = "贝", ['\u2ECA'] = "足", ['\u2ECB'] = "车", ['\u2ED1'] = "長", ['\u2ED3'] = "长",
        ['\u2ED4'] = "门", ['\u2ED7'] = "雨", ['\u2ED8'] = "青", ['\u2EDA'] = "页", ['\u2EDB'] = "风", ['\u2EDC'] = "飞",
        ['\u2EDD'] = "食", ['\u2EE0'] = "饣", ['\u2EE2'] = "马", ['\u2EE3'] = "骨", ['\u2EE4'] = "鬼", ['\u2EE5'] = "鱼",
        ['\u2EE6'] = "鸟", ['\u2EE7'] = "卤", ['\u2EE8'] = "麦", ['\u2EE9'] = "黄", ['\u2EEA'] = "黾", ['\u2EEC'] = "齐",
        ['\u2EEE'] = "齿", ['\u2EF0'] = "龙",
    };

    /// <summary>Kangxi radicals, CJK radicals and compatibility ideographs → the unified ideographs they stand for.</summary>
    private static string Unify(string text)
    {
        if (!text.Any(c => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF'
                ? SupplementRadicals.GetValueOrDefault(c) ?? c.ToString().Normalize(NormalizationForm.FormKC)
                : c.ToString());
        }

        return result.ToString();
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(?<first>\d+) (?<count>\d+)\s*\n(?:(?<entry>\d{10} \d{5} [nf])\s*\n?)+")]
    private static partial Regex XrefSection();

    [GeneratedRegex(@"/ToUnicode (\d+) 0 R")]
    private static partial Regex ToUnicodeReference();

    [GeneratedRegex(@"(?<number>\d+) 0 obj\s*<<(?:(?!>>)[\s\S])*?/Length (?<length>\d+)(?:(?!>>)[\s\S])*>>\s*stream\r?\n")]
    private static partial Regex StreamHeader();

    [GeneratedRegex(@"\d+ beginbf(?<kind>char|range)\s*\n(?<body>[\s\S]*?)endbf(?:char|range)\n?")]
    private static partial Regex CMapBlock();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexRange();
}
