using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Organizations;

namespace Newsletter.Web.Features.Admin.Statistics;

/// <summary>
/// One organisation or correspondent: items per column (the sections, then 其他 if any), articles and briefs apart.
/// <paramref name="Detail"/> is a correspondent's organisations or an organisation's people; <paramref name="Depth"/>
/// the organisation's depth in the tree.
/// </summary>
public sealed record ContributionRow(string Name, string? Detail, IReadOnlyList<int> Counts, int Articles, int Briefs, int Depth = 0)
{
    public int Total => Articles + Briefs;
}

/// <summary>One published item as the statistics see it.</summary>
public sealed record ContributionItem(
    int Id, string Title, int Year, int Number, int? SectionId, string? SectionName, bool IsBrief, string? Attribution, string? Correspondents)
{
    public IReadOnlyList<string> People => (Correspondents ?? "").Split('、', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// 稿件统计 for one year; <paramref name="Years"/> are the years that have published issues, latest first.
/// <paramref name="Tree"/> counts through the tree (a county's items also count for its city and the region);
/// <paramref name="Organizations"/> is per 署名单位 as printed; <paramref name="Unmatched"/> the 署名单位 found in no organisation.
/// </summary>
public sealed record StatisticsPage(
    IReadOnlyList<int> Years, int? Year, IReadOnlyList<string> Columns, IReadOnlyList<ContributionRow> Tree,
    IReadOnlyList<ContributionRow> Organizations, IReadOnlyList<ContributionRow> Correspondents, IReadOnlyList<string> Unmatched);

/// <summary>
/// Counts the items of the published issues of a year per organisation of the tree, per 署名单位 and per 通讯员
/// (split on 、, compared without inner spaces: 刘 名 and 刘名 are one person), in columns by section, articles and
/// briefs apart. An item with several correspondents counts once for each.
/// </summary>
public static class ContributionStatistics
{
    public const string Other = "其他";

    public static async Task<IReadOnlyList<int>> YearsAsync(NewsletterDbContext db, CancellationToken ct) =>
        await db.Issues.Where(i => i.Status == IssueStatus.Published).Select(i => i.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>The items of the year's published issues, in issue and page order.</summary>
    public static async Task<List<ContributionItem>> ItemsAsync(NewsletterDbContext db, int year, CancellationToken ct) =>
        await db.Articles
            .Where(a => a.Issue!.Status == IssueStatus.Published && a.Issue.Year == year)
            .OrderBy(a => a.Issue!.Number).ThenBy(a => a.Section!.SortOrder).ThenBy(a => a.Position)
            .Select(a => new ContributionItem(a.Id, a.Title, a.Issue!.Year, a.Issue.Number, a.SectionId, a.Section!.Name,
                a.Section.Kind == SectionKind.Briefs, a.AttributionOrganization, a.Correspondents))
            .ToListAsync(ct);

    public static async Task<StatisticsPage> ForYearAsync(NewsletterDbContext db, IReadOnlyList<int> years, int? year, CancellationToken ct)
    {
        var sections = await db.Sections.Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var items = year is { } y ? await ItemsAsync(db, y, ct) : [];
        var organizations = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var matcher = new OrganizationMatcher(organizations);

        var columns = sections.Select(s => s.Name).ToList();
        var columnOf = sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        if (items.Any(a => a.SectionId is not { } id || !columnOf.ContainsKey(id)))
        {
            columns.Add(Other);
        }

        int Column(int? sectionId) => sectionId is { } id && columnOf.TryGetValue(id, out var c) ? c : columns.Count - 1;

        var byTree = new Tally(columns.Count);
        var byOrganization = new Tally(columns.Count);
        var byCorrespondent = new Tally(columns.Count);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var column = Column(item.SectionId);
            var organization = string.IsNullOrWhiteSpace(item.Attribution) ? null : item.Attribution.Trim();
            if (organization is not null)
            {
                byOrganization.Add(organization, organization, column, item.IsBrief, item.People);
                if (matcher.Find(organization) is { } matched)
                {
                    foreach (var counted in matcher.SelfAndAncestors(matched))
                    {
                        byTree.Add(counted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), counted.Name, column, item.IsBrief, item.People);
                    }
                }
                else
                {
                    unmatched.Add(organization);
                }
            }

            foreach (var person in item.People)
            {
                byCorrespondent.Add(OrganizationMatcher.WithoutSpaces(person), person, column, item.IsBrief, organization is null ? [] : [organization]);
            }
        }

        // Every active organisation in tree order, with nothing counted too: a county that sent nothing shows as 0.
        var treeRows = byTree.Rows(_ => 0).ToDictionary(r => r.Key, r => r.Row);
        var tree = OrganizationTree.Flatten(organizations)
            .Select(t => (t, Row: treeRows.GetValueOrDefault(t.Organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Where(x => x.t.Organization.IsActive || x.Row is not null)
            .Select(x => (x.Row ?? new ContributionRow(x.t.Organization.Name, null, new int[columns.Count], 0, 0)) with { Depth = x.t.Depth })
            .ToList();
        return new StatisticsPage(years, year, columns, tree, byOrganization.Ranked(), byCorrespondent.Ranked(), unmatched.ToList());
    }

    /// <summary>
    /// 本单位供稿: the year's items whose 署名单位 is the organisation or one below it, and their count (articles and
    /// briefs apart, with the people); the row is null when there are none.
    /// </summary>
    public static async Task<(ContributionRow? Row, List<ContributionItem> Items)> ForOrganizationAsync(
        NewsletterDbContext db, int organizationId, int year, CancellationToken ct)
    {
        var matcher = new OrganizationMatcher(await db.Organizations.AsNoTracking().ToListAsync(ct));
        var items = (await ItemsAsync(db, year, ct))
            .Where(i => matcher.Find(i.Attribution?.Trim()) is { } found && matcher.SelfAndAncestors(found).Any(o => o.Id == organizationId))
            .ToList();
        if (items.Count == 0)
        {
            return (null, items);
        }

        var tally = new Tally(1);
        foreach (var item in items)
        {
            tally.Add("", "", 0, item.IsBrief, item.People);
        }

        return (tally.Ranked()[0], items);
    }

    /// <summary>Counts under a key (an id or a name without spaces), shown with the first name seen.</summary>
    private sealed class Tally(int columns)
    {
        private readonly Dictionary<string, (string Name, int[] Counts, int[] Kinds, List<string> Detail)> rows = new(StringComparer.Ordinal);

        public void Add(string key, string name, int column, bool isBrief, IEnumerable<string> detail)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = (name, new int[columns], new int[2], []);
            }

            row.Counts[column]++;
            row.Kinds[isBrief ? 1 : 0]++;
            foreach (var text in detail.Where(d => !row.Detail.Any(seen => OrganizationMatcher.WithoutSpaces(seen) == OrganizationMatcher.WithoutSpaces(d))))
            {
                row.Detail.Add(text);
            }
        }

        public IEnumerable<(string Key, ContributionRow Row)> Rows(Func<string, int> depth) => rows.Select(r => (r.Key,
            new ContributionRow(r.Value.Name, r.Value.Detail.Count == 0 ? null : string.Join("、", r.Value.Detail), r.Value.Counts,
                r.Value.Kinds[0], r.Value.Kinds[1], depth(r.Key))));

        /// <summary>Most items first, then by name.</summary>
        public List<ContributionRow> Ranked() => Rows(_ => 0).Select(r => r.Row)
            .OrderByDescending(r => r.Total).ThenBy(r => r.Name, OrganizationTree.NameOrder)
            .ToList();
    }
}

/// <summary>One of the tables on the page; <paramref name="DetailHeading"/> names the detail column, if shown.</summary>
public sealed record StatisticsTable(string Id, string Heading, string? DetailHeading, IReadOnlyList<string> Columns, IReadOnlyList<ContributionRow> Rows);
