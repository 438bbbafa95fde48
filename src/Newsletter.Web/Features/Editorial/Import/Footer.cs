using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Reads the 报尾: 总编辑/编辑/责任编辑, the 送 and 发 lines, the issuing body, 印发日期 and 印数.
/// </summary>
internal static partial class Footer
{
    /// <param name="paragraphs">The text of the paragraphs from the 总编辑 line on.</param>
    public static void Read(IEnumerable<string> paragraphs, ParsedIssue issue, List<string> errors)
    {
        foreach (var paragraph in paragraphs)
        {
            var text = TextRules.CleanSpaces(paragraph);
            if (Editors().Match(text) is { Success: true } editors)
            {
                issue.ChiefEditor = editors.Groups["chief"].Value.Trim();
                issue.Editor = editors.Groups["editor"].Value.Trim();
                issue.ResponsibleEditor = editors.Groups["responsible"].Value.Trim();
            }
            else if (Line('送').Match(text) is { Success: true } send)
            {
                issue.SendTo = send.Groups["text"].Value.Trim();
            }
            else if (Line('发').Match(text) is { Success: true } distribute)
            {
                issue.DistributeTo = distribute.Groups["text"].Value.Trim();
            }
            else if (PrintedOn().Match(text) is { Success: true } printed)
            {
                issue.PrintDate = TextRules.ParseDate(printed.Groups["date"].Value);
                if (printed.Groups["copies"].Success)
                {
                    issue.Copies = int.Parse(printed.Groups["copies"].Value);
                }
            }
            else if (Copies().Match(text) is { Success: true } copies)
            {
                issue.Copies = int.Parse(copies.Groups["copies"].Value);
            }
            else if (!text.Any(char.IsAsciiDigit) && text.Length <= 40)
            {
                issue.IssuingBody = text;
            }
        }

        if (issue.ChiefEditor is null)
        {
            errors.Add("找不到报尾：缺少“总编辑：… 编辑：… 责任编辑：…”一行，文件可能不完整。");
        }

        if (issue.PrintDate is null)
        {
            errors.Add("找不到印发日期：报尾应有“2023年5月6日印发”这样的一行，文件可能不完整。");
        }
    }

    private static Regex Line(char label) => label == '送' ? SendLine() : DistributeLine();

    [GeneratedRegex(@"^总编辑\s*[：:]\s*(?<chief>.+?)\s*(?<!责任)编辑\s*[：:]\s*(?<editor>.+?)\s*责任编辑\s*[：:]\s*(?<responsible>.+)$")]
    private static partial Regex Editors();

    [GeneratedRegex(@"^送\s*[：:]\s*(?<text>.+)$")]
    private static partial Regex SendLine();

    [GeneratedRegex(@"^发\s*[：:]\s*(?<text>.+)$")]
    private static partial Regex DistributeLine();

    [GeneratedRegex(@"^(?<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发(?:\s*[（(]?\s*(?:共印|印数[：:]?)\s*(?<copies>\d+)\s*份?\s*[）)]?)?$")]
    private static partial Regex PrintedOn();

    [GeneratedRegex(@"(?:共印|印数\s*[：:]?)\s*(?<copies>\d+)\s*份?")]
    private static partial Regex Copies();
}
