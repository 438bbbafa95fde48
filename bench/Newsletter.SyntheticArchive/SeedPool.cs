using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.SyntheticArchive;

/// <summary>What the synthetic archive is made of: the titles, paragraphs, sections and names of the real issue 总第65期.</summary>
public sealed class SeedPool
{
    private static readonly char[] TitleBreaks = [' ', '，', '、', '“', '”', '·', '暨', '：'];

    public required IReadOnlyList<string> Titles { get; init; }

    public required IReadOnlyList<string> Fragments { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>The text of the seed's briefs (基层简讯), without their ● (also among <see cref="Paragraphs"/>).</summary>
    public required IReadOnlyList<string> Briefs { get; init; }

    /// <summary>The six sections in 目录 order, with whether each holds briefs.</summary>
    public required IReadOnlyList<(string Name, bool Briefs)> Sections { get; init; }

    public required IReadOnlyList<string> Organizations { get; init; }

    public required IReadOnlyList<string> Correspondents { get; init; }

    public required IReadOnlyList<string> Authors { get; init; }

    public static SeedPool Load()
    {
        var path = Path.Combine(SeedsFolder(), "000_868693d8ea32dedc.txt");
        var parsed = PlainTextIssueParser.Parse(File.ReadAllBytes(path));
        if (!parsed.Succeeded)
        {
            throw new InvalidOperationException("the seed issue does not parse: " + string.Join("; ", parsed.Errors));
        }

        var issue = parsed.Value!;
        var items = issue.Sections.SelectMany(s => s.Items).ToList();
        var titles = items.Select(a => a.Title).Distinct().ToList();
        return new SeedPool
        {
            Titles = titles,
            Fragments = titles.SelectMany(t => t.Split(TitleBreaks, StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 2).Distinct().ToList(),
            Paragraphs = items.SelectMany(a => a.Paragraphs).Where(p => p.Length > 0).ToList(),
            Briefs = items.Where(a => a.IsBrief).SelectMany(a => a.Paragraphs).Where(p => p.Length > 0).ToList(),
            Sections = issue.Sections.Select(s => (s.Name, s.HoldsBriefs)).ToList(),
            Organizations = Distinct(items.Select(a => a.AttributionOrganization)),
            Correspondents = Distinct(items.Select(a => a.Correspondents)),
            Authors = Distinct(items.Select(a => a.AuthorName)),
        };
    }

    public string Describe() =>
        $"seed issue: {Titles.Count} titles, {Fragments.Count} title fragments, {Paragraphs.Count} paragraphs, "
        + $"{Sections.Count} sections ({string.Join("、", Sections.Select(s => s.Name))}), {Organizations.Count} organisations, "
        + $"{Correspondents.Count} correspondent lines, {Authors.Count} authors";

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct().ToList();

    /// <summary>The repository's seeds/ folder, found upwards from the build output or the working directory.</summary>
    private static string SeedsFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Newsletter.sln")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
    }
}
