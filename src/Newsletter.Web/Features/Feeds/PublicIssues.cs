using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Issues;

namespace Newsletter.Web.Features.Feeds;

/// <summary>
/// What the feed and the sitemap may list: published issues open to everyone, whoever asks. Members-only
/// issues never appear, not even for a signed-in member, so a feed or sitemap fetched by anyone (or cached
/// by a proxy) is the same public document.
/// </summary>
public static class PublicIssues
{
    /// <summary>Newest first (as on the site: year, cover month, number), with their articles and sections.</summary>
    public static async Task<List<Issue>> PublicIssuesWithArticlesAsync(this ArchiveQueries archive, int? take, CancellationToken ct)
    {
        IQueryable<Issue> issues = (await archive.ReadableIssuesAsync(signedIn: false, ct))
            .OrderByDescending(i => i.Year).ThenByDescending(i => i.CoverMonth)
            .ThenByDescending(i => i.Number).ThenBy(i => i.IsSupplement);
        if (take is { } count)
        {
            issues = issues.Take(count);
        }

        return await issues.Include(i => i.Articles).ThenInclude(a => a.Section).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>
    /// The issue's date for feeds and sitemaps: its 印发日期 (midnight in Beijing) when it has one, so a back issue
    /// imported years later is dated as printed (总第65期: 2023-05-06); else when it went out on the web.
    /// </summary>
    public static DateTime Issued(Issue issue) =>
        issue.PrintDate is not null ? issue.PrintedAtUtc : issue.PublishedAt ?? issue.UpdatedAt;

    /// <summary>A change after the issue reached the web (a 更正, a withdrawal) dates it; its import or publication does not.</summary>
    public static DateTime LastModified(Issue issue) => issue.UpdatedAt > Online(issue) ? issue.UpdatedAt : Issued(issue);

    /// <summary>An article page changes when the issue goes out and when the article is corrected.</summary>
    public static DateTime LastModified(Issue issue, Article article) =>
        article.UpdatedAt > Online(issue) ? article.UpdatedAt : Issued(issue);

    /// <summary>The time of an Atom or sitemap date, written in Beijing time (+08:00) as the readers count days.</summary>
    public static DateTimeOffset InChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8));

    /// <summary>When the issue reached the web: a back issue when it was imported (its articles are saved then too), else its publication.</summary>
    private static DateTime Online(Issue issue) => issue.IsBackIssue ? issue.CreatedAt : issue.PublishedAt ?? issue.UpdatedAt;
}
