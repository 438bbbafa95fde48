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

    /// <summary>Paragraphs as printed (page breaks already joined), without title or attribution.</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>The body as Markdown for the site's renderer.</summary>
    public string Body => PrintedTextToMarkdown.Convert(Paragraphs, IsBrief);

    public string? AttributionOrganization { get; set; }

    public string? Correspondents { get; set; }

    public string? AuthorName { get; set; }

    public string? AuthorTitle { get; set; }

    public Domain.SourceKind? SourceKind { get; set; }

    public string? SourceName { get; set; }

    public DateOnly? SourceDate { get; set; }

    public DateOnly? Dateline { get; set; }
}
