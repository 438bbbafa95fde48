namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>What the importer read from a printed issue, before anything is stored.</summary>
public sealed class ParsedIssue
{
    public int Year { get; set; }

    public int Number { get; set; }

    public bool IsSupplement { get; set; }

    public int? SerialNumber { get; set; }

    public int CoverMonth { get; set; }

    /// <summary>Sections in 目录 order, each with its items in reading order.</summary>
    public List<ParsedSection> Sections { get; } = [];

    public string? ChiefEditor { get; set; }

    public string? Editor { get; set; }

    public string? ResponsibleEditor { get; set; }

    public string? SendTo { get; set; }

    public string? DistributeTo { get; set; }

    public string? IssuingBody { get; set; }

    public DateOnly? PrintDate { get; set; }

    public int? Copies { get; set; }

    /// <summary>Things the editor should look at, such as a 目录 title that differs from its heading.</summary>
    public List<string> Warnings { get; } = [];

    public IEnumerable<ParsedArticle> AllItems => Sections.SelectMany(s => s.Items);

    /// <summary>Every picture of a Word document, by <see cref="WordPicture.Number"/> (1 first); those in articles are placed by their marks.</summary>
    public List<WordPicture> Pictures { get; } = [];

    /// <summary>The printed PDF itself, when the issue was read from one: kept with the issue as its 原版 PDF.</summary>
    public byte[]? OriginalPdf { get; set; }
}

public sealed class ParsedSection(string name)
{
    public string Name { get; } = name;

    public bool HoldsBriefs { get; set; }

    public List<ParsedArticle> Items { get; } = [];
}

public sealed class ParsedArticle
{
    public required string Title { get; set; }

    /// <summary>The title as the 目录 printed it, when it differs from the heading.</summary>
    public string? TocTitle { get; set; }

    public bool IsBrief { get; init; }

    public int? PrintedPage { get; init; }

    /// <summary>
    /// Paragraphs as printed (page breaks already joined), without title or attribution; a picture of a Word document
    /// as a paragraph holding its <see cref="PictureMark"/>.
    /// </summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>The caption (图为…) read under a picture, by the picture's number.</summary>
    public Dictionary<int, string> Captions { get; } = [];

    /// <summary>The numbers of the pictures in the text, in reading order.</summary>
    public IEnumerable<int> PictureNumbers =>
        Paragraphs.Select(p => PictureMark.TryRead(p, out var n) ? n : 0).Where(n => n > 0);

    /// <summary>The body as Markdown for the site's renderer, before any picture is stored: a picture's caption stands as text.</summary>
    public string Body => BodyWith(_ => null);

    /// <summary>The body with each picture as the Markdown <paramref name="picture"/> gives for its number (null: its caption as text).</summary>
    public string BodyWith(Func<int, string?> picture) => PrintedTextToMarkdown.Convert(Paragraphs, IsBrief,
        p => PictureMark.TryRead(p, out var n) ? picture(n) ?? (Captions.TryGetValue(n, out var caption) ? PrintedTextToMarkdown.Escape(caption) : "") : null);

    public string? AttributionOrganization { get; set; }

    public string? Correspondents { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorTitle { get; set; }

    public Domain.SourceKind? SourceKind { get; set; }

    public string? SourceName { get; set; }

    public DateOnly? SourceDate { get; set; }

    public DateOnly? Dateline { get; set; }
}
