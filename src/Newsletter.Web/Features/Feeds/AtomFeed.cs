using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Feeds;

/// <summary>
/// The Atom feed: one entry per public issue, titled with its full label (2023年第2期(总第65期)),
/// linking to its permanent address, with its 目录 as the summary.
/// </summary>
public static class AtomFeed
{
    public const int MaxEntries = 50;

    public const string Path = "/feed.atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The feed as UTF-8 bytes (a StringWriter would declare utf-16).</summary>
    public static byte[] Write(Publication publication, IReadOnlyList<Issue> issues, Func<string, string> absolute)
    {
        var feed = new SyndicationFeed(publication.Name, $"{publication.IssuingBody}编印的内部工作通讯", new Uri(absolute("/")))
        {
            Id = absolute(Path),
            Language = "zh-CN",
            Items = issues.Select(i => Entry(i, publication, absolute)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = publication.IssuingBody });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(absolute(Path)), "application/atom+xml"));
        feed.LastUpdatedTime = feed.Items.Select(e => e.LastUpdatedTime).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static SyndicationItem Entry(Issue issue, Publication publication, Func<string, string> absolute)
    {
        var url = absolute(ArchiveUrls.Issue(issue));
        var published = SiteAddresses.Utc(issue.PublishedAt ?? issue.UpdatedAt);
        var entry = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(issue.FullLabel),
            PublishDate = published,
            LastUpdatedTime = published,
            Summary = new TextSyndicationContent(Contents(issue, publication)),
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        return entry;
    }

    /// <summary>目录 as text: one line per section, 【工作调研】title；title.</summary>
    public static string Contents(Issue issue, Publication publication) =>
        "目录\n" + string.Join("\n", issue.TableOfContents()
            .Select(s => $"【{s.Section.Name}】" + string.Join("；", s.Articles.Select(a => a.Title))));
}
