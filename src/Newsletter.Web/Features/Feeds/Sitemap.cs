using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Feeds;

/// <summary>
/// /sitemap.xml in the sitemaps.org format: the home page, the archive, each year, each public issue and
/// its articles, and the sections, with the time each last changed where it is known: an issue's 印发日期 unless it was
/// corrected later (<see cref="PublicIssues.LastModified(Issue)"/>).
/// </summary>
public static class Sitemap
{
    public const string ContentType = "application/xml; charset=utf-8";

    public static readonly XNamespace Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static byte[] Write(IReadOnlyList<Issue> issues, IReadOnlyList<Section> sections, Func<string, string> absolute)
    {
        var urls = Pages(issues, sections).Select(p => new XElement(Namespace + "url",
            new XElement(Namespace + "loc", absolute(p.Path)),
            p.LastModified is { } at ? new XElement(Namespace + "lastmod", W3CDate(at)) : null));
        var document = new XDocument(new XElement(Namespace + "urlset", urls));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static IEnumerable<(string Path, DateTime? LastModified)> Pages(IReadOnlyList<Issue> issues, IReadOnlyList<Section> sections)
    {
        var articles = issues
            .SelectMany(i => i.Articles.OrderBy(a => a.Position).Select(a => (Issue: i, Article: a)))
            .Select(x => (x.Issue, x.Article, LastModified: PublicIssues.LastModified(x.Issue, x.Article)))
            .ToList();
        var newest = Latest(issues.Select(PublicIssues.LastModified));

        yield return ("/", newest);
        yield return ("/issues", newest);
        foreach (var year in issues.GroupBy(i => i.Year).OrderByDescending(g => g.Key))
        {
            yield return (ArchiveUrls.Year(year.Key), Latest(year.Select(PublicIssues.LastModified)));
        }

        foreach (var issue in issues)
        {
            yield return (ArchiveUrls.Issue(issue), PublicIssues.LastModified(issue));
            foreach (var (_, article, lastModified) in articles.Where(a => a.Issue == issue))
            {
                yield return (ArchiveUrls.Article(article), lastModified);
            }
        }

        yield return ("/sections", null);
        foreach (var section in sections)
        {
            yield return (ArchiveUrls.Section(section),
                Latest(articles.Where(a => a.Article.SectionId == section.Id).Select(a => a.LastModified)));
        }
    }

    private static DateTime? Latest(IEnumerable<DateTime> times) =>
        times.Select(t => (DateTime?)t).DefaultIfEmpty(null).Max();

    private static string W3CDate(DateTime utc) =>
        PublicIssues.InChinaTime(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
