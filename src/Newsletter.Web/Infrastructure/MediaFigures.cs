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

    /// <summary>The largest stored variant at most <paramref name="width"/> pixels wide, else the smallest there is.</summary>
    public string LargestUpTo(int width)
    {
        var bySize = Variants.OrderBy(WidthOf).ToList();
        return bySize.LastOrDefault(v => WidthOf(v) <= width) ?? bySize[0];
    }
}

/// <summary>The first stored picture of a text as it is written there (alt and caption), for link previews and the e-mail.</summary>
public sealed record LeadPicture(PictureEntry Picture, string Alt, string? Caption);

/// <summary>Looks up stored pictures by id for the renderer (the media feature keeps them).</summary>
public interface IPictureCatalog
{
    IReadOnlyDictionary<int, PictureEntry> Find(IReadOnlyCollection<int> ids);
}

/// <summary>
/// Where rendered pictures go: a page (the first picture loads at once, the rest when scrolled to), print (all at once:
/// Chromium prints what has loaded), outside the site (feed, e-mail: absolute URLs from <see cref="BaseUrl"/>), or the PDF
/// (<see cref="Embedded"/>: each picture as the one <c>data:</c> URI given for it, so Chromium fetches nothing; a stored
/// picture not given there stays as its alt text).
/// </summary>
public sealed record PictureRendering(string? BaseUrl = null, bool Eager = false, IReadOnlyDictionary<int, string>? Embedded = null)
{
    public static PictureRendering Page { get; } = new();

    public static PictureRendering Print { get; } = new(Eager: true);

    public static PictureRendering Absolute(string baseUrl) => new(baseUrl.TrimEnd('/'), Eager: true);

    public static PictureRendering Inline(IReadOnlyDictionary<int, string> dataUris) => new(Eager: true, Embedded: dataUris);
}

/// <summary>The &lt;img&gt; (and &lt;figure&gt;) of a stored picture, with srcset, sizes, width and height.</summary>
public static class PictureHtml
{
    /// <summary>The article column is 46em (about 736 px); on a phone the picture is as wide as the screen.</summary>
    public const string Sizes = "(min-width: 800px) 736px, 100vw";

    /// <param name="embedded">A <c>data:</c> URI to draw instead of the stored variants (no srcset then).</param>
    public static string Image(PictureEntry picture, string alt, bool lazy, string? baseUrl, string? embedded = null)
    {
        var html = new StringBuilder("<img src=\"");
        if (embedded is not null)
        {
            html.Append(embedded).Append('"');
        }
        else
        {
            var smallest = picture.Variants.FirstOrDefault(v => picture.WidthOf(v) >= 800) ?? picture.Variants[^1];
            var srcset = string.Join(", ", picture.Variants.Select(v => $"{baseUrl}{picture.UrlOf(v)} {picture.WidthOf(v)}w"));
            html.Append(baseUrl).Append(picture.UrlOf(smallest)).Append('"')
                .Append(" srcset=\"").Append(srcset).Append("\" sizes=\"").Append(Sizes).Append('"');
        }

        html.Append(CultureInfo.InvariantCulture, $" width=\"{picture.Width}\" height=\"{picture.Height}\"")
            .Append(" alt=\"").Append(Escape(alt)).Append('"');
        if (lazy)
        {
            html.Append(" loading=\"lazy\"");
        }

        return html.Append(" decoding=\"async\">").ToString();
    }

    public static string Figure(PictureEntry picture, string alt, string? caption, bool lazy, string? baseUrl, string? embedded = null) =>
        "<figure class=\"article-figure\">" + Image(picture, alt, lazy, baseUrl, embedded)
        + (string.IsNullOrWhiteSpace(caption) ? "" : "<figcaption>" + Escape(caption) + "</figcaption>")
        + "</figure>";

    /// <summary>Escapes markup characters only: Chinese stays as it is.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
