using System.Text.RegularExpressions;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// The caption (图注) printed under a picture: a short paragraph right after it that starts as newsletters start one —
/// 图为…, 上图为…, 图：…, 图1 …, 图一：…, ▲…, or any of these in brackets (（图为…）). It becomes the picture's caption and
/// alt text, and is not kept as body text.
/// </summary>
public static partial class PictureCaption
{
    /// <summary>The caption without its brackets and ▲, its spaces cleaned as body text's are; null when the paragraph is body text.</summary>
    public static string? Read(string paragraph)
    {
        var text = TextRules.CleanSpaces(paragraph);
        if (text.Length > MediaFile.MaxCaptionLength || !Start().IsMatch(text))
        {
            return null;
        }

        if (text[0] is '（' or '(' && text[^1] is '）' or ')')
        {
            text = text[1..^1].Trim();
        }

        text = text.TrimStart('▲', '△', ' ').Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^[（(]?\s*(?:[▲△]|[上下左右中]?图\s*(?:为|[：:]|[0-9]{1,2}|[一二三四五六七八九十]{1,2}\s*(?:[：:、.．　 ]|为)))")]
    private static partial Regex Start();
}
