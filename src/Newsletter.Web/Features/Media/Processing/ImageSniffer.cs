using System.Text;

namespace Newsletter.Web.Features.Media.Processing;

/// <summary>What the first bytes say, for the kinds Skia will not decode but a user may well send: SVG and a phone's HEIC.</summary>
internal static class ImageSniffer
{
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"];
    private static readonly string[] AvifBrands = ["avif", "avis"];

    /// <summary>SVG (or any XML) whatever the extension: it can carry script, so it is never served as a picture.</summary>
    public static bool IsSvg(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The ISO-BMFF <c>ftyp</c> box's brands (major and compatible), or none.</summary>
    public static IReadOnlyList<string> FtypBrands(ReadOnlySpan<byte> content)
    {
        if (content.Length < 16 || !content[4..8].SequenceEqual("ftyp"u8))
        {
            return [];
        }

        var size = (int)Math.Min((uint)(content[0] << 24 | content[1] << 16 | content[2] << 8 | content[3]), (uint)Math.Min(content.Length, 256));
        var brands = new List<string> { Encoding.ASCII.GetString(content[8..12]) };
        for (var at = 16; at + 4 <= size; at += 4)
        {
            brands.Add(Encoding.ASCII.GetString(content[at..(at + 4)]));
        }

        return brands;
    }

    public static bool IsAvif(IReadOnlyList<string> brands) => brands.Count > 0 && AvifBrands.Contains(brands[0]);

    public static bool IsHeif(IReadOnlyList<string> brands) => !IsAvif(brands) && brands.Any(HeifBrands.Contains);
}
