using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.Web.Features.Editorial.Articles;

/// <summary>
/// One article written in Word (.docx) for the editor's 标题 and 正文: the importer's reader checks and reads the file
/// (<see cref="DocxGuard"/>, <see cref="WordText"/>), the first of the opening paragraphs in a heading style, centred
/// or all bold is the title, and the rest becomes Markdown by the printed-text rules (一、 → ##, （一） → ###).
/// Pictures are not taken: the writer adds them in 图片和附件, and is told how many were left out.
/// </summary>
public static class ArticleDocx
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>The title is looked for among this many opening paragraphs.</summary>
    private const int TitleWithin = 3;

    public static Outcome<ArticleDocxText> Read(byte[] bytes, CancellationToken ct = default)
    {
        var read = WordIssueReader.Read(bytes, ct);
        if (!read.Succeeded)
        {
            return Outcome<ArticleDocxText>.Invalid(read.Errors.Select(e => e.Contains("没有文字", StringComparison.Ordinal)
                ? "这个 Word 文件里没有文字，没有可读入的内容。" : e.Replace("导入", "读入", StringComparison.Ordinal)));
        }

        var paragraphs = read.Value!.Text.Split("\n\n").Select(p => p.Trim('\n')).Where(p => p.Length > 0).ToList();
        var title = "";
        if (TitleOf(bytes) is { } found)
        {
            var at = paragraphs.Take(TitleWithin).ToList().FindIndex(p => TextRules.Compact(p) == found);
            if (at >= 0)
            {
                title = string.Concat(paragraphs[at].Split('\n').Select(l => l.Trim()));
                paragraphs.RemoveAt(at);
            }
        }

        var body = PrintedTextToMarkdown.Convert(paragraphs.Select(p => p.Replace('\t', ' ')), false, p => PictureMark.IsMark(p) ? "" : null);
        var pictures = read.Value.Pictures.Count;
        return Outcome.Ok(new ArticleDocxText(title, body, pictures == 0 ? null
            : $"Word 文件中的 {pictures} 张图片没有带入，请在“图片和附件”中上传。"));
    }

    /// <summary>The compacted text of the title paragraph, or null when none of the opening paragraphs looks like one.</summary>
    private static string? TitleOf(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var headings = new WordHeadings(main.StyleDefinitionsPart?.Styles);
        var opening = main.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Paragraph: p, Text: TextRules.Compact(p.InnerText)))
            .Where(p => p.Text.Length > 0).Take(TitleWithin);
        foreach (var (paragraph, text) in opening)
        {
            if (text.Length <= Article.MaxTitleLength && (headings.IsHeading(paragraph) || IsCentred(paragraph) || IsBold(paragraph)))
            {
                return text;
            }
        }

        return null;
    }

    private static bool IsCentred(Paragraph p) => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Center;

    private static bool IsBold(Paragraph p)
    {
        var runs = p.Descendants<Run>().Where(r => r.InnerText.Trim().Length > 0).ToList();
        return runs.Count > 0 && runs.All(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value));
    }
}

/// <param name="Title">"" when the document has no title paragraph (the writer types one).</param>
/// <param name="Note">What was left out, to tell the writer; null when nothing was.</param>
public sealed record ArticleDocxText(string Title, string Body, string? Note);
