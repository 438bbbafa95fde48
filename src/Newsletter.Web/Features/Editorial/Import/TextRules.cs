using System.Text;
using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>Rules for reading Chinese text that came out of a printed PDF.</summary>
public static partial class TextRules
{
    private const string Terminals = "。！？；：…!?;";
    private const string Closers = "”’」』）)》";

    /// <summary>The text with every kind of white space removed, for comparing titles.</summary>
    public static string Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether a paragraph ends a sentence (so a page break after it is a real paragraph end).</summary>
    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0)
        {
            return true;
        }

        if (t.EndsWith("——", StringComparison.Ordinal))
        {
            return true;
        }

        var last = t[^1];
        if (Terminals.Contains(last))
        {
            return true;
        }

        return Closers.Contains(last) && t.Length > 1 && Terminals.Contains(t[^2]);
    }

    /// <summary>一、 二、 … : a first-level numbered heading.</summary>
    public static bool IsNumberedHeading(string text) => FirstLevel().IsMatch(text);

    /// <summary>（一） （二） … : a second-level numbered heading or lead-in.</summary>
    public static bool IsNumberedSubheading(string text) => SecondLevel().IsMatch(text);

    /// <summary>附件：…, 附件1：…, or 附件 alone: the heading of an attachment printed at the end of an article.</summary>
    public static bool IsAttachmentHeading(string text) => text.Length <= 60 && Attachment().IsMatch(text);

    /// <summary>A short line with no sentence punctuation: a heading, not a broken paragraph.</summary>
    public static bool IsShortHeading(string text) =>
        text.Length <= 20 && text.IndexOfAny(['，', '。', '；', ',', '：']) < 0 && !EndsSentence(text);

    /// <summary>Whether a paragraph stops mid-sentence and so continues after the page break.</summary>
    public static bool ContinuesOnNextPage(string text) =>
        !EndsSentence(text)
        && !(IsNumberedHeading(text) && text.Length <= 50)
        && !IsShortHeading(text);

    /// <summary>
    /// Removes the spaces that PDF extraction puts between Chinese and digits ("2023 年" → "2023年")
    /// and collapses runs of spaces. Spaces inside names (刘 名) stay as printed.
    /// </summary>
    public static string CleanSpaces(string text)
    {
        var collapsed = MultiSpace().Replace(text.Replace('\u3000', ' ').Replace('\t', ' '), " ").Trim();
        return DigitSpace().Replace(collapsed, "");
    }

    /// <summary>2023年5月6日 or 2022-12-08 as a date; null when it is not a valid date.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var y = int.Parse(m.Groups["y"].Value);
        var mo = int.Parse(m.Groups["m"].Value);
        var d = int.Parse(m.Groups["d"].Value);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex FirstLevel();

    [GeneratedRegex(@"^附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*(?:[：:].*)?$")]
    private static partial Regex Attachment();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]")]
    private static partial Regex SecondLevel();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultiSpace();

    [GeneratedRegex(@"(?<=[0-9]) (?=[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF00-\uFFEF—])|(?<=[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF00-\uFFEF—]) (?=[0-9])")]
    private static partial Regex DigitSpace();

    [GeneratedRegex(@"(?<y>\d{4})\s*(?:年|-)\s*(?<m>\d{1,2})\s*(?:月|-)\s*(?<d>\d{1,2})\s*日?")]
    private static partial Regex DatePattern();
}
