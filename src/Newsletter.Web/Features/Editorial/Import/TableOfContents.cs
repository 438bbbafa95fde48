using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>One entry of the 目录: a title with its printed page (null when the 目录 prints none), in a section.</summary>
public sealed record TocEntry(string Section, string Title, int? Page, int Line);

/// <summary>
/// Reads the 目录 (table of contents): section names, and titles with dot leaders, tabs and page numbers — or, when no
/// line has a page number, titles alone; skips table rules. A title printed over two lines is one entry when the body
/// has the two halves as one title. It ends where the body's first title begins.
/// </summary>
public static partial class TableOfContents
{
    private static readonly HashSet<string> PortalSections = [.. Domain.Section.Defaults().Select(s => s.Name)];

    public static (List<string> Sections, List<TocEntry> Entries, int BodyStart) Read(string[] lines, int start)
    {
        var paged = new Reader(lines, start);
        paged.ReadPaged();
        if (paged.Entries.Count > 0)
        {
            return (paged.Sections, paged.Entries, paged.End);
        }

        var plain = new Reader(lines, start);
        plain.ReadPlain();
        return (plain.Sections, plain.Entries, plain.End);
    }

    /// <summary>One of the six sections or another name of one (<see cref="SectionSynonyms"/>): never a title.</summary>
    private static bool IsKnownSection(string compact) =>
        PortalSections.Contains(compact) || SectionSynonyms.PortalNameOf(compact) is not null;

    private static bool IsSkipped(string line) => line.Length == 0 || Rule().IsMatch(line) || PictureMark.IsMark(line);

    private sealed class Reader(string[] lines, int start)
    {
        private List<Block>? later;

        public List<string> Sections { get; } = [];

        public List<TocEntry> Entries { get; } = [];

        public int End { get; private set; }

        /// <summary>Entries as <c>title……page</c>; a short line without a page is a section.</summary>
        public void ReadPaged()
        {
            var i = start;
            for (; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (IsSkipped(line))
                {
                    continue;
                }

                if (Entry().Match(line) is { Success: true } m)
                {
                    Add(m.Groups["title"].Value, int.Parse(m.Groups["page"].Value), i);
                    continue;
                }

                if (BodyBegins(i))
                {
                    break;
                }

                var compact = TextRules.Compact(line);
                if (!IsKnownSection(compact) && Next(i) is { } k && Entry().Match(lines[k].Trim()) is { Success: true } second
                    && InBody(compact + TextRules.Compact(second.Groups["title"].Value), k))
                {
                    Add(line + second.Groups["title"].Value, int.Parse(second.Groups["page"].Value), i);
                    i = k;
                    continue;
                }

                if (compact.Length <= 12 && !TextRules.EndsSentence(compact) && !compact.Any(char.IsAsciiDigit))
                {
                    Sections.Add(compact);
                    continue;
                }

                break;
            }

            End = i;
        }

        /// <summary>
        /// A 目录 without page numbers: a known section name is a section; so is another short line standing alone that an
        /// entry follows; every other line is an entry, until the body's first title.
        /// </summary>
        public void ReadPlain()
        {
            var i = start;
            for (; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (IsSkipped(line))
                {
                    continue;
                }

                var compact = TextRules.Compact(line);
                if (BodyBegins(i) || compact.Length > 60 || "。！？".Contains(compact[^1]))
                {
                    break;
                }

                if (IsKnownSection(compact))
                {
                    Sections.Add(compact);
                    continue;
                }

                var k = Next(i);
                var next = k is null ? null : TextRules.Compact(lines[k.Value]);
                var nextIsEntry = next is not null && !IsKnownSection(next) && !BodyBegins(k!.Value);
                if (nextIsEntry && !InBody(compact, k!.Value) && InBody(compact + next, k.Value))
                {
                    Add(line + lines[k!.Value].Trim(), null, i);
                    i = k.Value;
                    continue;
                }

                var alone = (i == 0 || lines[i - 1].Trim().Length == 0) && (i + 1 >= lines.Length || lines[i + 1].Trim().Length == 0);
                if (alone && nextIsEntry && compact.Length <= 12 && !TextRules.EndsSentence(compact) && !compact.Any(char.IsAsciiDigit))
                {
                    Sections.Add(compact);
                    continue;
                }

                Add(line, null, i);
            }

            End = i;
        }

        private void Add(string title, int? page, int i)
        {
            if (Sections.Count == 0)
            {
                Sections.Add("");
            }

            Entries.Add(new TocEntry(Sections[^1], TextRules.CleanSpaces(title), page, i + 1));
        }

        /// <summary>The next line with text after line <paramref name="i"/>, past blank lines and rules.</summary>
        private int? Next(int i)
        {
            for (var k = i + 1; k < lines.Length; k++)
            {
                if (!IsSkipped(lines[k].Trim()))
                {
                    return k;
                }
            }

            return null;
        }

        /// <summary>
        /// Line <paramref name="i"/>, the paragraph it opens, or that paragraph and the next (a title over two lines, which
        /// Word keeps as two paragraphs) repeats a title already listed.
        /// </summary>
        private bool BodyBegins(int i)
        {
            var line = lines[i].Trim();
            if (Entries.Count == 0)
            {
                return false;
            }

            var (paragraph, end) = Paragraph(i);
            if (Entries.Any(e => Titles.Match(e.Title, line) || Titles.Match(e.Title, paragraph)))
            {
                return true;
            }

            return Next(end - 1) is { } k && Paragraph(k).Text is var second
                && Entries.Any(e => Titles.Match(e.Title, paragraph + second));
        }

        /// <summary>The lines from <paramref name="i"/> to the next blank line, as one text, and the line after them.</summary>
        private (string Text, int End) Paragraph(int i)
        {
            var text = new System.Text.StringBuilder();
            var k = i;
            for (; k < lines.Length && lines[k].Trim().Length > 0; k++)
            {
                text.Append(lines[k].Trim());
            }

            return (text.ToString(), k);
        }

        /// <summary>
        /// Whether a paragraph after line <paramref name="after"/>, alone or with the next one, reads as this title (the
        /// body's heading of it).
        /// </summary>
        private bool InBody(string compact, int after)
        {
            later ??= Block.Split(lines, start);
            for (var b = 0; b < later.Count; b++)
            {
                if (later[b].Line > after + 1 && (Titles.Match(compact, later[b].Text)
                    || b + 1 < later.Count && later[b].Text.Length < compact.Length && Titles.Match(compact, later[b].Text + later[b + 1].Text)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    [GeneratedRegex(@"^[-—_=─━.·…\s]+$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(?<title>.*?\S)\s*(?:[.．·…。_]{2,}[\s.．·…。_]*|\t+\s*)(?<page>\d{1,3})\s*$")]
    private static partial Regex Entry();
}
