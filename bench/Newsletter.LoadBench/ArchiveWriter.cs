using Microsoft.EntityFrameworkCore;
using Newsletter.SyntheticArchive;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.LoadBench;

/// <summary>
/// Fills a fresh data folder's SQLite database, through the portal's own DbContext after its migrations, with the
/// synthetic archive as published issues, and with the 发/送 lists a dispatch goes to.
/// The generator's issue labels repeat (random years), which the portal refuses, so here the issues take the
/// calendar in generation order, newest first: issue 1 is 2025年第6期(总第96期), issue 2 2025年第5期, and so on;
/// each keeps the generator's visibility (8 in 10 public).
/// </summary>
public static class ArchiveWriter
{
    public const int NewestYear = 2025;

    public static async Task<ArchiveFacts> WriteAsync(string databaseFile, int articles, int seed)
    {
        await using var db = new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
            .UseSqlite($"Data Source={databaseFile}").Options);
        await db.Database.MigrateAsync();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Name);
        var now = DateTime.UtcNow;
        var issues = new List<Issue>();
        foreach (var group in SyntheticArticles.Generate(SeedPool.Load(), articles, seed).GroupBy(a => a.IssueIndex))
        {
            var back = group.Key - 1;
            var (year, number) = (NewestYear - (back / 6), 6 - (back % 6));
            var first = group.First();
            var issue = new Issue
            {
                Year = year, Number = number, SerialNumber = ((year - 2010) * 6) + number, CoverMonth = number * 2,
                PrintDate = new DateOnly(year, number * 2, 10), Visibility = first.IsPublic ? IssueVisibility.Public : IssueVisibility.MembersOnly,
                SendOnPublish = false, SourceFile = "synthetic", CreatedAt = now, UpdatedAt = now,
            };
            issue.PublishAsPrinted(new DateTime(year, number * 2, 10, 2, 0, 0, DateTimeKind.Utc));
            foreach (var (article, position) in group.GroupBy(a => a.SectionIndex).OrderBy(g => g.Key)
                         .SelectMany(g => g.Select((a, i) => (a, i + 1))))
            {
                issue.Articles.Add(new Article
                {
                    Title = article.Title, Body = article.Markdown, Section = sections[article.SectionName], Position = position,
                    AttributionOrganization = article.Organization, Correspondents = article.Correspondents,
                    AuthorName = article.Author, Status = ArticleStatus.Accepted, CreatedAt = now, UpdatedAt = now,
                });
            }

            issues.Add(issue);
        }

        db.Issues.AddRange(issues);
        var recipients = AddDistributionLists(db, now);
        await db.SaveChangesAsync();
        var publicIssues = issues.Where(i => i.Visibility == IssueVisibility.Public).ToList();
        return new ArchiveFacts(
            issues.Count, issues.Sum(i => i.Articles.Count), publicIssues.Count, recipients,
            publicIssues.Select(i => (i.Year, i.Number, i.Articles.Select(a => a.Id).ToList())).ToList(),
            sections.Values.OrderBy(s => s.SortOrder).Select(s => s.Slug).ToList());
    }

    /// <summary>The region's association in 送, and 14 city and 111 county associations in 发, one address each.</summary>
    private static int AddDistributionLists(NewsletterDbContext db, DateTime now)
    {
        var organizations = new List<(string Name, OrganizationKind Kind, DistributionGroup Group)>
        {
            ("中国计划生育协会", OrganizationKind.Body, DistributionGroup.Send),
        };
        organizations.AddRange(Enumerable.Range(1, 14).Select(i => ($"第{i}市计划生育协会", OrganizationKind.City, DistributionGroup.Distribute)));
        organizations.AddRange(Enumerable.Range(1, 111).Select(i => ($"第{i}县计划生育协会", OrganizationKind.County, DistributionGroup.Distribute)));
        var order = 0;
        foreach (var (name, kind, group) in organizations)
        {
            order++;
            var organization = new Organization { Name = name, Kind = kind, SortOrder = order, CreatedAt = now };
            organization.Contacts.Add(new OrganizationContact { Email = $"org{order:000}@gxjsx.test", Name = "办公室" });
            organization.Memberships.Add(new GroupMembership { Group = group, SortOrder = order, Since = now });
            db.Organizations.Add(organization);
        }

        return organizations.Count;
    }
}

/// <summary>What was written: counts, and the public issues (year, number, article ids) and section slugs to load.</summary>
public sealed record ArchiveFacts(
    int Issues, int Articles, int PublicIssues, int Recipients,
    IReadOnlyList<(int Year, int Number, List<int> ArticleIds)> Public, IReadOnlyList<string> SectionSlugs);
