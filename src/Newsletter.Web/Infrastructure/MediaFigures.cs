using System.Globalization;
using System.Text;

namespace Newsletter.Web.Infrastructure;

/// <summary>What the renderer needs of a stored picture to draw it without layout shift: sizes and stored variants.</summary>
public sealed record PictureEntry(int Id, int Width, int Height, string Extension, IReadOnlyList<string> Variants)
{
    /// <summary>The pixel width of a variant (w800 → 800; full → the picture's own).</summary>
    public int WidthOf(string variant) =>
        variant.StartsWith('w') && int.TryParse(variant.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var width) ? width : Width;

    public string UrlOf(string variant) => $"/media/{Id}/{variant}{Extension}";
}

/// <summary>Looks up stored pictures by id for the renderer (the media feature keeps them).</summary>
public interface IPictureCatalog
{
    IReadOnlyDictionary<int, PictureEntry> Find(IReadOnlyCollection<int> ids);
}

/// <summary>
/// Where rendered pictures go: a page (the first picture loads at once, the rest when scrolled to), print (all at once:
/// Chromium prints what has loaded), or outside the site (feed, e-mail: absolute URLs from <see cref="BaseUrl"/>).
/// </summary>
public sealed record PictureRendering(string? BaseUrl = null, bool Eager = false)
{
    public static PictureRendering Page { get; } = new();

    public static PictureRendering Print { get; } = new(Eager: true);

    public static PictureRendering Absolute(string baseUrl) => new(baseUrl.TrimEnd('/'), Eager: true);
}

/// <summary>The &lt;img&gt; (and &lt;figure&gt;) of a stored picture, with srcset, sizes, width and height.</summary>
public static class PictureHtml
{
    /// <summary>The article column is 46em (about 736 px); on a phone the picture is as wide as the screen.</summary>
    public const string Sizes = "(min-width: 800px) 736px, 100vw";

    public static string Image(PictureEntry picture, string alt, bool lazy, string? baseUrl)
    {
        var smallest = picture.Variants.FirstOrDefault(v => picture.WidthOf(v) >= 800) ?? picture.Variants[^1];
        var srcset = string.Join(", ", picture.Variants.Select(v => $"{baseUrl}{picture.UrlOf(v)} {picture.WidthOf(v)}w"));
        var html = new StringBuilder()
            .Append("<img src=\"").Append(baseUrl).Append(picture.UrlOf(smallest)).Append('"')
            .Append(" srcset=\"").Append(srcset).Append("\" sizes=\"").Append(Sizes).Append('"')
            .Append(CultureInfo.InvariantCulture, $" width=\"{picture.Width}\" height=\"{picture.Height}\"")
            .Append(" alt=\"").Append(Escape(alt)).Append('"');
        if (lazy)
        {
            html.Append(" loading=\"lazy\"");
        }

        return html.Append(" decoding=\"async\">").ToString();
    }

    public static string Figure(PictureEntry picture, string alt, string? caption, bool lazy, string? baseUrl) =>
        "<figure class=\"article-figure\">" + Image(picture, alt, lazy, baseUrl)
        + (string.IsNullOrWhiteSpace(caption) ? "" : "<figcaption>" + Escape(caption) + "</figcaption>")
        + "</figure>";

    /// <summary>Escapes markup characters only: Chinese stays as it is.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
