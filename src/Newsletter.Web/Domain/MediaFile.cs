namespace Newsletter.Web.Domain;

/// <summary>What an uploaded file is to its article: a picture shown in the text, or an attachment listed under it.</summary>
public enum MediaKind
{
    Picture = 0,
    Attachment = 1,
}

/// <summary>
/// 图片 or 附件 of one article. The bytes live once under the data folder, addressed by the SHA-256 of what was
/// uploaded (two rows may share them); a row never changes after upload except for <see cref="RemovedAt"/>, so
/// its URLs can be cached for a year. A picture is placed in the text as <c>![alt](/media/12 "图注")</c>, so every
/// revision of the body keeps which pictures it used, with their captions.
/// </summary>
public class MediaFile
{
    public const int MaxNameLength = 255;

    public const int MaxCaptionLength = 500;

    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex: the folder its files are stored in.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The file name as uploaded (河池市调研.jpg), given back on download.</summary>
    public required string OriginalName { get; set; }

    /// <summary>What is served: image/jpeg or image/png for a picture (re-encoded), the checked type of an attachment.</summary>
    public required string ContentType { get; set; }

    /// <summary>The extension of the stored files (.jpg, .png, .pdf, .docx …).</summary>
    public required string Extension { get; set; }

    /// <summary>Stored sizes of a picture, smallest first, "full" last (w800,w1600,full); empty for an attachment.</summary>
    public string Variants { get; set; } = "";

    /// <summary>图注 as given at upload (the text keeps its own copy, which is what readers see).</summary>
    public string? Caption { get; set; }

    public string? Alt { get; set; }

    /// <summary>Of the "full" picture, upright.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Size of the file as uploaded.</summary>
    public long Bytes { get; set; }

    public string? UploadedById { get; set; }

    public required string UploadedByName { get; set; }

    public DateTime UploadedAt { get; set; }

    /// <summary>
    /// Taken off the article's list (a replaced or deleted picture, a deleted attachment). Its files stay while a
    /// revision still shows it, so restoring that revision brings it back.
    /// </summary>
    public DateTime? RemovedAt { get; set; }

    public IReadOnlyList<string> VariantNames =>
        Variants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Where it sits in Markdown text (<c>/media/12</c>); the served files are below it.</summary>
    public string Path => MediaPaths.Of(Id);

    /// <summary>
    /// <c>![alt](/media/12 "图注")</c>: how the editor, the details page and the Word importer place a picture in the text
    /// (brackets in the alt become 【】 so they cannot end it).
    /// </summary>
    public string Markdown
    {
        get
        {
            var alt = (Alt ?? "").Replace('[', '【').Replace(']', '】');
            return string.IsNullOrEmpty(Caption) ? $"![{alt}]({Path})" : $"![{alt}]({Path} \"{Caption}\")";
        }
    }
}

/// <summary>The site-relative URLs of stored media, and how the Markdown text refers to them.</summary>
public static class MediaPaths
{
    public const string Prefix = "/media/";

    public static string Of(int id) => $"{Prefix}{id}";

    public static string Variant(int id, string variant, string extension) => $"{Prefix}{id}/{variant}{extension}";

    public static string Download(int id) => $"{Prefix}{id}/download";

    /// <summary>The id in a text's reference <c>/media/12</c>, or null when the URL is anything else.</summary>
    public static int? IdOf(string? url)
    {
        if (url is null || !url.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = url.AsSpan(Prefix.Length);
        return rest.Length is > 0 and <= 9 && int.TryParse(rest, System.Globalization.NumberStyles.None, null, out var id) && id > 0
            ? id : null;
    }

    /// <summary>Every picture a Markdown text refers to, in order of appearance, each once.</summary>
    public static IReadOnlyList<int> ReferencedIn(string? markdown)
    {
        var ids = new List<int>();
        if (string.IsNullOrEmpty(markdown))
        {
            return ids;
        }

        foreach (System.Text.RegularExpressions.Match match in Reference.Matches(markdown))
        {
            var id = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static readonly System.Text.RegularExpressions.Regex Reference =
        new(@"\]\(\s*/media/([1-9][0-9]{0,8})(?=[\s)])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
