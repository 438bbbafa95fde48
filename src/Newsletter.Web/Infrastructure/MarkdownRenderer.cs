using Markdig;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// The site's only Markdown pipeline: raw HTML disabled (shown as text), emphasis that works next
/// to Chinese punctuation (**重点：**), and every href and src checked here, whatever Markdown form made it
/// (inline and reference links, &lt;autolinks&gt;, bare URLs, images). Every page that shows Markdown — articles,
/// the print view, the PDF, the editor's live preview, corrections — renders it through this class.
/// A stored picture (<c>![alt](/media/12 "图注")</c>) becomes an &lt;img&gt; with its sizes and variants, in a
/// &lt;figure&gt; with the caption when it stands alone in its paragraph; an id the catalogue does not know stays as its alt text.
/// </summary>
public sealed class MarkdownRenderer(IPictureCatalog? pictures = null)
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Image sources allowed besides stored pictures: <c>data:</c> URIs of raster images, nothing else. An image is drawn by
    /// the server's Chromium when the PDF is printed, so a URL here would make the server fetch it (an internal address) or
    /// read it (a path on its disk); stored pictures are given to it by the PDF printer from the media folder only.
    /// </summary>
    private static readonly string[] SafeImagePrefixes = ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseCjkFriendlyEmphasis()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public HtmlString Render(string? markdown, PictureRendering? rendering = null)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        rendering ??= PictureRendering.Page;
        var document = Markdown.Parse(markdown, pipeline);
        var links = document.Descendants<LinkInline>().ToList();
        var stored = FindPictures(links);
        var picturesSoFar = 0;
        foreach (var link in links)
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            link.GetDynamicUrl = null;
            if (link.IsImage && Domain.MediaPaths.IdOf(url) is { } id && stored.TryGetValue(id, out var picture))
            {
                string? embedded = null;
                if (rendering.Embedded is { } given && !given.TryGetValue(id, out embedded))
                {
                    Unwrap(link); // not given for this print: its alt text stays as text
                    continue;
                }

                var lazy = !rendering.Eager && picturesSoFar++ > 0;
                PlacePicture(link, picture, lazy, rendering.BaseUrl, embedded);
            }
            else if (link.IsImage)
            {
                if (IsSafeImage(url))
                {
                    link.Url = url;
                }
                else
                {
                    Unwrap(link); // the alt text stays as text
                }
            }
            else
            {
                link.Url = IsSafeLink(url) ? url : "#";
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeLink(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url)); // shown as the text it was, no link
            }
        }

        return new HtmlString(document.ToHtml(pipeline));
    }

    private IReadOnlyDictionary<int, PictureEntry> FindPictures(List<LinkInline> links)
    {
        var ids = links.Where(l => l.IsImage).Select(l => Domain.MediaPaths.IdOf(l.GetDynamicUrl?.Invoke() ?? l.Url))
            .OfType<int>().Distinct().ToList();
        return ids.Count == 0 || pictures is null ? new Dictionary<int, PictureEntry>() : pictures.Find(ids);
    }

    /// <summary>A picture alone in its paragraph becomes a figure with its caption (the link's title); else an inline image.</summary>
    private static void PlacePicture(LinkInline link, PictureEntry picture, bool lazy, string? baseUrl, string? embedded)
    {
        var alt = AltOf(link);
        if (link.Parent is { } inlines && inlines.ParentBlock is ParagraphBlock paragraph && paragraph.Parent is { } container
            && inlines.All(i => i == link || i is LineBreakInline || (i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())))
        {
            var figure = new HtmlBlock(null) { Lines = new StringLineGroup(PictureHtml.Figure(picture, alt, link.Title, lazy, baseUrl, embedded)) };
            container[container.IndexOf(paragraph)] = figure;
            return;
        }

        link.ReplaceBy(new HtmlInline(PictureHtml.Image(picture, alt, lazy, baseUrl, embedded)));
    }

    /// <summary>The first picture of the text that the catalogue knows, with the alt text and caption written there.</summary>
    public LeadPicture? FirstPicture(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || pictures is null)
        {
            return null;
        }

        var images = Markdown.Parse(markdown, pipeline).Descendants<LinkInline>().Where(l => l.IsImage).ToList();
        var stored = FindPictures(images);
        foreach (var image in images)
        {
            if (Domain.MediaPaths.IdOf(image.GetDynamicUrl?.Invoke() ?? image.Url) is { } id && stored.TryGetValue(id, out var picture))
            {
                return new LeadPicture(picture, AltOf(image), string.IsNullOrWhiteSpace(image.Title) ? null : image.Title);
            }
        }

        return null;
    }

    private static string AltOf(LinkInline link) => string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    /// <summary>Plain text of the Markdown, for descriptions, snippets and search.</summary>
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, pipeline).Trim();

    private static bool IsSafeLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#'))
        {
            return !trimmed.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            : !trimmed.Contains(':');
    }

    private static bool IsSafeImage(string? url) =>
        url is not null && SafeImagePrefixes.Any(prefix => url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static void Unwrap(ContainerInline container)
    {
        var children = container.ToList();
        foreach (var child in children)
        {
            child.Remove();
            container.InsertBefore(child);
        }

        container.Remove();
    }
}
