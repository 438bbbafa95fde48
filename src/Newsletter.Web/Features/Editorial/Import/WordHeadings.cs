using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Tells a heading paragraph from body text by its Word style: 标题 1…9 / Heading 1…9 / Title, whether
/// the style id is "Heading1" (English Word), "1" (Chinese Word) or "标题 1" (WPS), by the style's name,
/// its outline level, or the style it is based on. 目录标题 (TOC Heading) has outline level 9: not a heading.
/// </summary>
internal sealed partial class WordHeadings
{
    private readonly Dictionary<string, Style> byId = [];

    public WordHeadings(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                byId.TryAdd(id, style);
            }
        }
    }

    public bool IsHeading(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is { } level)
        {
            return level < 9;
        }

        return IsHeadingStyle(properties?.ParagraphStyleId?.Val?.Value, depth: 0);
    }

    private bool IsHeadingStyle(string? id, int depth)
    {
        if (id is null || depth > 8)
        {
            return false;
        }

        if (!byId.TryGetValue(id, out var style))
        {
            return HeadingId().IsMatch(id);
        }

        if (style.StyleName?.Val?.Value is { } name && HeadingName().IsMatch(name))
        {
            return true;
        }

        if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
        {
            return level < 9;
        }

        return HeadingId().IsMatch(id) || IsHeadingStyle(style.BasedOn?.Val?.Value, depth + 1);
    }

    [GeneratedRegex(@"^(?:heading|标题)\s*[1-9]$|^title$|^标题$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();

    [GeneratedRegex(@"^(?:heading|标题)\s*[1-9]$|^[1-9]$|^title$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingId();
}
