using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>One line of the 目录: a title with its printed page, in a section.</summary>
public sealed record TocEntry(string Section, string Title, int Page, int Line);

/// <summary>
/// Reads the 目录 (table of contents): section names, and titles with dot leaders, tabs and page
/// numbers; skips table rules. It ends where the body's first title begins.
/// </summary>
public static partial class TableOfContents
{
    public static (List<string> Sections, List<TocEntry> Entries, int BodyStart) Read(string[] lines, int start)
    {
        var sections = new List<string>();
        var entries = new List<TocEntry>();
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || Rule().IsMatch(line) || PictureMark.IsMark(line))
            {
                continue;
            }

            if (Entry().Match(line) is { Success: true } m)
            {
                if (sections.Count == 0)
                {
                    sections.Add("");
                }

                entries.Add(new TocEntry(sections[^1], TextRules.CleanSpaces(m.Groups["title"].Value),
                    int.Parse(m.Groups["page"].Value), i + 1));
                continue;
            }

            if (entries.Any(e => Titles.Match(e.Title, line)))
            {
                break;
            }

            var compact = TextRules.Compact(line);
            if (compact.Length <= 12 && !TextRules.EndsSentence(compact) && !compact.Any(char.IsAsciiDigit))
            {
                sections.Add(compact);
                continue;
            }

            break;
        }

        return (sections, entries, i);
    }

    [GeneratedRegex(@"^[-—_=─━.·…\s]+$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?<title>.*?\S)\s*(?:[.．·…。_]{2,}[\s.．·…。_]*|\t+\s*)(?<page>\d{1,3})\s*$")]
    private static partial Regex Entry();
}

/// <summary>Compares a 目录 title with a body heading despite stray spaces and one wrong character.</summary>
public static class Titles
{
    public static bool Match(string tocTitle, string heading)
    {
        var a = TextRules.Compact(tocTitle);
        var b = TextRules.Compact(heading);
        if (a == b)
        {
            return true;
        }

        if (a.Length != b.Length || a.Length < 6)
        {
            return false;
        }

        var differences = a.Zip(b).Count(p => p.First != p.Second);
        return differences <= Math.Max(1, a.Length / 15);
    }

    /// <summary>
    /// The heading as printed in the body (which has the right characters: 姚瑛, not the 目录's 姚璇),
    /// keeping only the spaces the 目录 also has (a wrapped line's stray spaces go).
    /// </summary>
    public static string Clean(string heading, string tocTitle)
    {
        var body = TextRules.CleanSpaces(heading);
        var toc = TextRules.CleanSpaces(tocTitle);
        if (TextRules.Compact(body).Length != TextRules.Compact(toc).Length)
        {
            return body;
        }

        var tocSpaces = SpacePositions(toc);
        var result = new System.Text.StringBuilder();
        var k = 0;
        foreach (var c in body)
        {
            if (c == ' ')
            {
                if (tocSpaces.Contains(k))
                {
                    result.Append(c);
                }

                continue;
            }

            result.Append(c);
            k++;
        }

        return result.ToString();
    }

    private static HashSet<int> SpacePositions(string text)
    {
        var positions = new HashSet<int>();
        var k = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                positions.Add(k);
            }
            else
            {
                k++;
            }
        }

        return positions;
    }
}
