using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Walks the body of an issue: each 目录 title starts an article in the section the 目录 gives it
/// (the body often lacks the section heading), ● starts a brief, the bracketed line closes an item,
/// and a paragraph cut by a page break is joined to its continuation. A picture's mark is a paragraph of the item it
/// stands in (one outside any item is left for the importer to report), and a 图为… paragraph right after it is its caption.
/// The rules for what other issues print (a title over two paragraphs, a —— subtitle, 文/作者 bylines, a caption with no
/// picture, 附件) are in decision 0002, "What other issues have".
/// </summary>
internal sealed partial class BodyReader(ParsedIssue issue, List<TocEntry> entries, List<string> errors)
{
    private readonly List<TocEntry> remaining = [.. entries];
    private ParsedArticle? current;
    private ParsedSection? briefSection;
    private bool inHeader;
    private bool joinNext;

    /// <summary>The current item's last paragraph while page breaks keep continuing it: built once, not copied for each piece.</summary>
    private readonly StringBuilder continued = new();

    public void Read(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i + 1 < blocks.Count && TitleOverTwo(blocks[i], blocks[i + 1]) is { } title)
            {
                Read(title);
                i++;
                continue;
            }

            Read(blocks[i]);
        }

        EndParagraph();

        foreach (var entry in remaining)
        {
            var page = entry.Page is { } p ? $"（第{p}页）" : "";
            errors.Add($"目录第{entry.Line}行列出的《{entry.Title}》{page}在正文中找不到，文件可能不完整。");
        }
    }

    private void Read(Block block)
    {
        var text = block.Text;
        if (PictureMark.IsMark(text))
        {
            PlacePicture(text);
            return;
        }

        if (TryStartArticle(block) || TryEnterSection(text))
        {
            return;
        }

        if (text.StartsWith('●'))
        {
            StartBrief(text);
            return;
        }

        if (current is null)
        {
            errors.Add($"第{block.Line}行：这段文字不属于目录所列的任何文章：“{Preview(text)}”。");
            return;
        }

        if (TryCaption(current, text))
        {
            return;
        }

        if (Attribution.IsAttribution(text))
        {
            Attribution.ApplyTo(current, text);
            inHeader = joinNext = false;
            return;
        }

        if (inHeader && TryReadHeader(current, text))
        {
            return;
        }

        if (inHeader && current.Paragraphs.Count == 0 && text.StartsWith("——", StringComparison.Ordinal))
        {
            // A subtitle (——记…) opens the body as a paragraph of its own (see PrintedTextToMarkdown); an author may follow.
            AddWhole(TextRules.CleanSpaces(text));
            return;
        }

        inHeader = false;
        var cleaned = TextRules.CleanSpaces(text);
        if (PictureCaption.Read(cleaned) is not null || TextRules.IsAttachmentHeading(cleaned))
        {
            // A caption with no picture (图为…) or an attachment's heading (附件：…) stands alone: nothing joins to or after it.
            AddWhole(cleaned);
            return;
        }

        AddParagraph(cleaned);
    }

    /// <summary>A picture is a paragraph of its own: nothing joins across it.</summary>
    private void PlacePicture(string mark)
    {
        if (current is null)
        {
            return;
        }

        EndParagraph();
        current.Paragraphs.Add(mark.Trim());
        joinNext = false;
    }

    /// <summary>The paragraph right after a picture, when it reads as a caption (图为…).</summary>
    private static bool TryCaption(ParsedArticle article, string text)
    {
        if (article.Paragraphs.Count == 0 || !PictureMark.TryRead(article.Paragraphs[^1], out var number)
            || article.Captions.ContainsKey(number) || PictureCaption.Read(text) is not { } caption)
        {
            return false;
        }

        article.Captions[number] = caption;
        return true;
    }

    /// <summary>A title printed as two paragraphs (Word keeps the break as one): the two as one block, when together they are a 目录 title.</summary>
    private Block? TitleOverTwo(Block first, Block second)
    {
        if (first.Text.Length > 60 || TextRules.EndsSentence(first.Text) || remaining.Any(e => Titles.Match(e.Title, first.Text)))
        {
            return null;
        }

        var joined = first with { Text = first.Text + second.Text };
        return remaining.Any(e => Titles.Match(e.Title, joined.Text)) ? joined : null;
    }

    private bool TryStartArticle(Block block)
    {
        var entry = remaining.FirstOrDefault(e => Titles.Match(e.Title, block.Text));
        if (entry is null)
        {
            return false;
        }

        remaining.Remove(entry);
        var title = Titles.Clean(block.Text, entry.Title);
        var article = new ParsedArticle { Title = title, PrintedPage = entry.Page };
        if (TextRules.Compact(title) != TextRules.Compact(entry.Title))
        {
            article.TocTitle = entry.Title;
            issue.Warnings.Add($"目录中的标题《{entry.Title}》与正文标题《{title}》不一致，已采用正文标题。");
        }

        issue.Sections.First(s => s.Name == entry.Section).Items.Add(article);
        Begin(article, header: true);
        return true;
    }

    private bool TryEnterSection(string text)
    {
        var name = TextRules.Compact(text);
        var section = issue.Sections.FirstOrDefault(s => s.Name.Length > 0 && s.Name == name);
        if (section is null)
        {
            return false;
        }

        if (!entries.Any(e => e.Section == section.Name))
        {
            briefSection = section;
        }

        EndParagraph();
        current = null;
        return true;
    }

    private void StartBrief(string text)
    {
        briefSection ??= issue.Sections.LastOrDefault(s => !entries.Any(e => e.Section == s.Name));
        if (briefSection is null)
        {
            briefSection = new ParsedSection("基层简讯");
            issue.Sections.Add(briefSection);
        }

        briefSection.HoldsBriefs = true;
        var body = TextRules.CleanSpaces(text.TrimStart('●', ' ', '\u3000'));
        var brief = new ParsedArticle { Title = BriefTitles.Of(body), IsBrief = true };
        briefSection.Items.Add(brief);
        Begin(brief, header: false);
        AddParagraph(body);
    }

    private void Begin(ParsedArticle article, bool header)
    {
        EndParagraph();
        current = article;
        inHeader = header;
        joinNext = false;
    }

    /// <summary>A paragraph that neither continues the one before nor is continued by the next.</summary>
    private void AddWhole(string text)
    {
        EndParagraph();
        current!.Paragraphs.Add(text);
        joinNext = false;
    }

    private void AddParagraph(string text)
    {
        var paragraphs = current!.Paragraphs;
        if (!joinNext || paragraphs.Count == 0)
        {
            EndParagraph();
            paragraphs.Add(text);
            joinNext = TextRules.ContinuesOnNextPage(text);
            return;
        }

        if (continued.Length == 0)
        {
            continued.Append(paragraphs[^1]);
        }

        continued.Append(text);
        // Past 50 characters only the paragraph's end can make it a heading or a sentence's end (see ContinuesOnNextPage).
        joinNext = TextRules.ContinuesOnNextPage(continued.Length <= 64 ? continued.ToString() : continued.ToString(continued.Length - 64, 64));
    }

    /// <summary>Stores the paragraph that page breaks were continuing, if any.</summary>
    private void EndParagraph()
    {
        if (continued.Length > 0)
        {
            current!.Paragraphs[^1] = continued.ToString();
            continued.Clear();
        }
    }

    private static bool TryReadHeader(ParsedArticle article, string text)
    {
        if (Dateline().IsMatch(text) && TextRules.ParseDate(text) is { } date)
        {
            article.Dateline = date;
            return true;
        }

        if (Byline().Match(TextRules.CleanSpaces(text)) is { Success: true } byline)
        {
            article.AuthorName = byline.Groups["names"].Value;
            return true;
        }

        if (text.Length <= 40 && AuthorLine().Match(TextRules.CleanSpaces(text)) is { Success: true } m
            && !TextRules.EndsSentence(text) && !text.Contains('，'))
        {
            article.AuthorName = m.Groups["name"].Value;
            article.AuthorTitle = m.Groups["title"].Success ? m.Groups["title"].Value : null;
            return true;
        }

        return false;
    }

    private static string Preview(string text) => text.Length > 24 ? text[..24] + "…" : text;

    [GeneratedRegex(@"^[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]$")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?:(?<title>\S.{1,38}?)\s+)?(?<name>\p{IsCJKUnifiedIdeographs}(?:\s?\p{IsCJKUnifiedIdeographs}){1,3})$")]
    private static partial Regex AuthorLine();

    /// <summary>文/张三, 文／张三, 作者：张三 李四: an author named with its label.</summary>
    [GeneratedRegex(@"^(?:文\s*[/／]|作者\s*[：:])\s*(?<names>\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}·、， ]{0,38}?)$")]
    private static partial Regex Byline();
}
