using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Shared;

/// <summary>
/// What an issue or article page tells link previews (微信, 钉钉, …): a view puts one in
/// ViewData[OpenGraph.Key] and the layout writes the og:* meta tags and the canonical link from it,
/// using the page's title and description.
/// </summary>
/// <param name="Type">og:type: "article" for articles, "website" otherwise.</param>
/// <param name="Path">The permanent address of the page, e.g. /issues/2023/2.</param>
/// <param name="PublishedAt">UTC time the issue went out, for article:published_time.</param>
public sealed record OpenGraph(string Type, string Path, DateTime? PublishedAt = null)
{
    public const string Key = "OpenGraph";

    public static OpenGraph Website(string path) => new("website", path);

    public static OpenGraph Article(string path, DateTime? publishedAt) => new("article", path, publishedAt);
}

/// <summary>
/// og:image of a page: its first picture, in the largest stored size up to 1600 px (what 微信 and the like show, without
/// sending them the full-size original). A controller puts one in ViewData[OpenGraphImage.Key]; the layout writes it
/// with og:image:width/height/alt beside the page's other og:* tags.
/// </summary>
public sealed record OpenGraphImage(string Path, int Width, int Height, string Alt)
{
    public const string Key = "OpenGraphImage";

    public const int MaxWidth = 1600;

    public static OpenGraphImage? From(LeadPicture? lead)
    {
        if (lead is null || lead.Picture.Width <= 0 || lead.Picture.Height <= 0)
        {
            return null;
        }

        var picture = lead.Picture;
        var variant = picture.LargestUpTo(MaxWidth);
        var width = Math.Min(picture.WidthOf(variant), picture.Width);
        var height = (int)Math.Round((double)picture.Height * width / picture.Width);
        return new OpenGraphImage(picture.UrlOf(variant), width, height, string.IsNullOrWhiteSpace(lead.Alt) ? lead.Caption ?? "" : lead.Alt);
    }
}
