using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// The site's only Markdown pipeline: raw HTML disabled (shown as text), emphasis that works next
/// to Chinese punctuation (**重点：**), and every href and src checked here, whatever Markdown form made it
/// (inline and reference links, &lt;autolinks&gt;, bare URLs, images). Every page that shows Markdown — articles,
/// the print view, the PDF, the editor's live preview, corrections — renders it through this class.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Image sources allowed: <c>data:</c> URIs of raster images, nothing else. An image is drawn by the server's Chromium
    /// when the PDF is printed, so a URL here would make the server fetch it (an internal address) or read it (a path on
    /// its disk). When the portal stores its own media, add its site-relative folder here (e.g. <c>/media/</c>), with
    /// the PDF printer mapping that folder to the stored files and nothing else.
    /// </summary>
    private static readonly string[] SafeImagePrefixes = ["data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseCjkFriendlyEmphasis()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            link.GetDynamicUrl = null;
            if (link.IsImage)
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
