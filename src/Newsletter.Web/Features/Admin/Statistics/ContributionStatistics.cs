using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Statistics;

/// <summary>One organisation or correspondent: items per column (the sections, then 其他 if any), and the total.</summary>
public sealed record ContributionRow(string Name, string? Organizations, IReadOnlyList<int> Counts, int Total);

/// <summary>稿件统计 for one year; <paramref name="Years"/> are the years that have published issues, latest first.</summary>
public sealed record StatisticsPage(
    IReadOnlyList<int> Years, int? Year, IReadOnlyList<string> Columns,
    IReadOnlyList<ContributionRow> Organizations, IReadOnlyList<ContributionRow> Correspondents);

/// <summary>
/// Counts the items of the published issues of a year per 署名单位 and per 通讯员 (as printed, split on 、,
/// inner spaces kept: 刘 名), in columns by section. An item with several correspondents counts once for each.
/// </summary>
public static class ContributionStatistics
{
    public const string Other = "其他";

    public static async Task<IReadOnlyList<int>> YearsAsync(NewsletterDbContext db, CancellationToken ct) =>
        await db.Issues.Where(i => i.Status == IssueStatus.Published).Select(i => i.Year).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);

    public static async Task<StatisticsPage> ForYearAsync(NewsletterDbContext db, IReadOnlyList<int> years, int? year, CancellationToken ct)
    {
        var sections = await db.Sections.Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var items = year is null ? [] : await db.Articles
            .Where(a => a.Issue!.Status == IssueStatus.Published && a.Issue.Year == year)
            .Select(a => new { a.SectionId, a.AttributionOrganization, a.Correspondents })
            .ToListAsync(ct);

        var columns = sections.Select(s => s.Name).ToList();
        var columnOf = sections.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        if (items.Any(a => a.SectionId is not { } id || !columnOf.ContainsKey(id)))
        {
            columns.Add(Other);
        }

        int Column(int? sectionId) => sectionId is { } id && columnOf.TryGetValue(id, out var c) ? c : columns.Count - 1;

        var byOrganization = new Tally(columns.Count);
        var byCorrespondent = new Tally(columns.Count);
        foreach (var item in items)
        {
            var column = Column(item.SectionId);
            var organization = string.IsNullOrWhiteSpace(item.AttributionOrganization) ? null : item.AttributionOrganization.Trim();
            if (organization is not null)
            {
                byOrganization.Add(organization, column, null);
            }

            foreach (var person in (item.Correspondents ?? "").Split('、', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                byCorrespondent.Add(person, column, organization);
            }
        }

        return new StatisticsPage(years, year, columns, byOrganization.Rows(), byCorrespondent.Rows());
    }

    private sealed class Tally(int columns)
    {
        private readonly Dictionary<string, (int[] Counts, SortedSet<string> Organizations)> rows = new(StringComparer.Ordinal);

        public void Add(string name, int column, string? organization)
        {
            if (!rows.TryGetValue(name, out var row))
            {
                rows[name] = row = (new int[columns], new SortedSet<string>(StringComparer.Ordinal));
            }

            row.Counts[column]++;
            if (organization is not null)
            {
                row.Organizations.Add(organization);
            }
        }

        /// <summary>Most items first, then by name.</summary>
        public List<ContributionRow> Rows() => rows
            .Select(r => new ContributionRow(r.Key, r.Value.Organizations.Count == 0 ? null : string.Join("、", r.Value.Organizations), r.Value.Counts, r.Value.Counts.Sum()))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false))
            .ToList();
    }
}

/// <summary>One of the two tables on the page.</summary>
public sealed record StatisticsTable(string Id, string Heading, bool ShowOrganizations, IReadOnlyList<string> Columns, IReadOnlyList<ContributionRow> Rows);
