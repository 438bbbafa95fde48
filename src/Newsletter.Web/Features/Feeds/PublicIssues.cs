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

    /// <summary>When the issue went out on the web (its last change if that is later).</summary>
    public static DateTime LastModified(Issue issue) =>
        issue.PublishedAt is { } published && published > issue.UpdatedAt ? published : issue.UpdatedAt;

    /// <summary>An article page changes when the issue goes out and when the article is corrected.</summary>
    public static DateTime LastModified(Issue issue, Article article) =>
        issue.PublishedAt is { } published && published > article.UpdatedAt ? published : article.UpdatedAt;
}
