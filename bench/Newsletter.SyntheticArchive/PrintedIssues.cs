using System.Text;

namespace Newsletter.SyntheticArchive;

/// <summary>One generated issue as its printed text (the format of seeds/), with what the importer should find in it.</summary>
public sealed record PrintedIssue(int Year, int Number, int Serial, string Text, int Articles, IReadOnlyList<string> Titles)
{
    /// <summary>A file name that sorts in issue order: 2007-1-总第1期.</summary>
    public string FileName(string extension) => $"{Serial:D3}_{Year}-{Number}{extension}";
}

/// <summary>
/// Whole printed issues made from the seed pool, deterministic for a seed: masthead, 第N期(总第M期), cover month, a 目录 of
/// six sections, the articles (a heading, 3–8 seed paragraphs, an attribution), briefs (● paragraphs, each attributed) and the
/// footer with 总编辑, 送/发 and the 印发 date. Issue k is 总第k期, six a year from 2007, so 期号 and 总第N期 never repeat.
/// </summary>
public static class PrintedIssues
{
    public static IReadOnlyList<PrintedIssue> Generate(SeedPool pool, int count, int seed)
    {
        var random = new Random(seed);
        var paragraphs = pool.Paragraphs.Except(pool.Briefs).ToList();
        var briefs = pool.Briefs.Select(b => "●" + b).ToList();
        // A brief's title is its first words, cut with "…" where they run on: not a heading an office would print.
        var titles = pool.Titles.Where(t => !t.Contains('…') && !pool.Briefs.Any(b => b.StartsWith(t, StringComparison.Ordinal))).ToList();
        var fragments = pool.Fragments.Where(f => !f.Contains('…') && !pool.Briefs.Any(b => b.Contains(f, StringComparison.Ordinal))).ToList();
        return Enumerable.Range(1, count).Select(serial => Issue(pool.Sections, titles, fragments, pool.Organizations, random, serial, paragraphs, briefs)).ToList();
    }

    private static PrintedIssue Issue(
        IReadOnlyList<(string Name, bool Briefs)> pool, List<string> titles, List<string> fragments, IReadOnlyList<string> organizations,
        Random random, int serial, List<string> paragraphs, List<string> briefs)
    {
        var (year, number) = (2007 + ((serial - 1) / 6), ((serial - 1) % 6) + 1);
        var month = number * 2;
        var used = new HashSet<string>();
        var sections = pool.Select(s => (s.Name, s.Briefs, Items: s.Briefs
            ? Enumerable.Range(0, random.Next(3, 6)).Select(_ => (Title: "", Body: new List<string> { Pick(random, briefs) })).ToList()
            : Enumerable.Range(0, random.Next(1, 4)).Select(_ => (Title: Title(titles, fragments, random, used),
                Body: Enumerable.Range(0, random.Next(3, 9)).Select(_ => Pick(random, paragraphs)).ToList())).ToList())).ToList();

        var text = new StringBuilder();
        text.Append($"\n\n工 作 通 讯\n\n第{number}期(总第{serial}期)\n\n{year}年{month}月\n\n目 录\n\n");
        var page = 3;
        foreach (var section in sections)
        {
            text.Append($"{section.Name}\n\n");
            foreach (var item in section.Items.Where(_ => !section.Briefs))
            {
                text.Append($"{item.Title}.....\t{page}\n");
                page += 1 + (item.Body.Count / 3);
            }

            text.Append('\n');
        }

        foreach (var section in sections)
        {
            text.Append($"{section.Name}\n\n");
            foreach (var item in section.Items)
            {
                if (!section.Briefs)
                {
                    text.Append($"{item.Title}\n\n");
                }

                foreach (var paragraph in item.Body)
                {
                    text.Append($"{paragraph}\n\n");
                }

                text.Append($"（{Pick(random, organizations)}）\n\n");
            }
        }

        text.Append("总编辑：尹 红 编辑：潘绍先 责任编辑：黄玉鹏\n\n送：有关领导、中国计生协各部室、自治区卫生健康委、\n自治区计生协会会长、副会长。\n\n"
                    + $"发：各市、县（市、区）计划生育协会。\n\n广西壮族自治区计划生育协会\n\n{year}年{month}月{random.Next(1, 29)}日印发\n");
        var printedTitles = sections.Where(s => !s.Briefs).SelectMany(s => s.Items.Select(i => i.Title)).ToList();
        return new PrintedIssue(year, number, serial, text.ToString(), sections.Sum(s => s.Items.Count), printedTitles);
    }

    /// <summary>A seed article's title, or two fragments of them (not of the briefs, whose titles are their first words); never twice in one issue, nor one holding another (a
    /// heading that starts with an earlier title is read as that title).</summary>
    private static string Title(List<string> titles, List<string> fragments, Random random, HashSet<string> used)
    {
        while (true)
        {
            var title = random.Next(3) == 0 ? Pick(random, titles) : Pick(random, fragments) + Pick(random, fragments);
            if (!used.Any(u => u.Contains(title, StringComparison.Ordinal) || title.Contains(u, StringComparison.Ordinal)) && used.Add(title))
            {
                return title;
            }
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
