namespace Newsletter.Web.Features.Media;

/// <summary>Configuration section <c>Media</c>: limits on uploaded pictures and attachments, and the sizes made of a picture.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest upload accepted (<c>Media:MaxUploadMegabytes</c>); a phone photo is 3–8 MB.</summary>
    public int MaxUploadMegabytes { get; set; } = 20;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>Refused from the header above this, before any pixel is decoded (a 30000×30000 PNG bomb is 3.6 GB of pixels).</summary>
    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>The longest edge of the "full" variant; a smaller picture is never upscaled.</summary>
    public int MasterEdge { get; set; } = 3200;

    /// <summary>Narrower copies for <c>srcset</c>; a width at or above the picture's own is not made.</summary>
    public int[] VariantWidths { get; set; } = [800, 1600];
}
