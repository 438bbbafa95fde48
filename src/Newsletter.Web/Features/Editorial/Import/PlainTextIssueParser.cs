using System.Text;
using System.Text.RegularExpressions;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Reads an issue from the text of its printed PDF: masthead, 目录, articles and briefs in the
/// sections the 目录 gives them, and the footer (报尾). Every problem is reported in Chinese with
/// the line it was found on; a result with errors is never half used.
/// </summary>
public static partial class PlainTextIssueParser
{
    public static Outcome<ParsedIssue> Parse(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes);
        return decoded.Succeeded ? Parse(decoded.Value!) : Outcome<ParsedIssue>.Invalid(decoded.Errors);
    }

    public static Outcome<ParsedIssue> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').Split('\n');
        var errors = new List<string>();
        var tocLine = Array.FindIndex(lines, l => TextRules.Compact(l) == "目录");
        if (tocLine < 0)
        {
            return Outcome<ParsedIssue>.Invalid("找不到目录：文件中没有“目 录”一行。请确认导入的是一整期工作通讯的文本。");
        }

        var issue = new ParsedIssue();
        ReadMasthead(lines[..tocLine], issue, errors);

        var (sections, entries, bodyStart) = TableOfContents.Read(lines, tocLine + 1);
        if (entries.Count == 0)
        {
            errors.Add($"目录（第{tocLine + 1}行起）中没有文章条目：每个条目应是一行标题（可以带“……页码”）。");
            return Outcome<ParsedIssue>.Invalid(errors);
        }

        foreach (var name in sections)
        {
            issue.Sections.Add(new ParsedSection(name));
        }

        var blocks = Block.Split(lines, bodyStart);
        var footerAt = blocks.FindIndex(b => TextRules.Compact(b.Text).StartsWith("总编辑", StringComparison.Ordinal));
        new BodyReader(issue, entries, errors).Read(footerAt < 0 ? blocks : blocks[..footerAt]);
        Footer.Read(footerAt < 0 ? [] : blocks[footerAt..].Select(b => b.Text).Where(t => !PictureMark.IsMark(t)), issue, errors);
        ArticleLimits.Check(issue, errors);

        return errors.Count == 0 ? Outcome.Ok(issue) : Outcome<ParsedIssue>.Invalid(errors);
    }

    private static void ReadMasthead(string[] lines, ParsedIssue issue, List<string> errors)
    {
        var compact = lines.Select(TextRules.Compact).ToList();
        var number = compact.Select(l => NumberLine().Match(l)).FirstOrDefault(m => m.Success);
        if (number is null)
        {
            errors.Add("找不到期号：目录之前应有一行“第N期(总第M期)”。");
        }
        else
        {
            issue.IsSupplement = number.Groups["supplement"].Success;
            issue.Number = int.Parse(number.Groups["number"].Value);
            issue.SerialNumber = number.Groups["serial"].Success ? int.Parse(number.Groups["serial"].Value) : null;
        }

        var cover = compact.Select(l => CoverLine().Match(l)).FirstOrDefault(m => m.Success);
        var month = cover is null ? 0 : int.Parse(cover.Groups["month"].Value);
        if (cover is null || month is < 1 or > 12)
        {
            errors.Add("找不到出版年月：目录之前应有一行“2023年5月”这样的年月。");
            return;
        }

        issue.Year = int.Parse(cover.Groups["year"].Value);
        issue.CoverMonth = month;
    }

    [GeneratedRegex(@"^(?:\d{4}年)?(?<supplement>增刊)?第(?<number>\d{1,3})期(?:[（(]总第(?<serial>\d{1,5})期[）)])?$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^(?<year>(?:19|20)\d{2})年(?<month>\d{1,2})月$")]
    private static partial Regex CoverLine();
}

/// <summary>
/// A paragraph of the text file: lines between blank lines, with its first line number. Made by the parser, read by
/// <see cref="BodyReader"/> (which names the line in its errors); the footer gets the text alone.
/// </summary>
internal sealed record Block(string Text, int Line)
{
    public static List<Block> Split(string[] lines, int start)
    {
        var blocks = new List<Block>();
        var current = new List<string>();
        var first = 0;
        for (var i = start; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length > 0)
            {
                if (current.Count == 0)
                {
                    first = i + 1;
                }

                current.Add(line);
                continue;
            }

            if (current.Count > 0)
            {
                blocks.Add(new Block(Join(current), first));
                current.Clear();
            }
        }

        return blocks;
    }

    /// <summary>The lines as one text (a space only between two Latin letters or digits), built once rather than copied for each line.</summary>
    private static string Join(List<string> lines)
    {
        var text = new StringBuilder(lines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            if (char.IsAsciiLetterOrDigit(lines[i - 1][^1]) && char.IsAsciiLetterOrDigit(lines[i][0]))
            {
                text.Append(' ');
            }

            text.Append(lines[i]);
        }

        return text.ToString();
    }
}
