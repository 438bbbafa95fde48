using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Feeds;

/// <summary>
/// The Atom feed: one entry per public issue, titled with its full label (2023年第2期(总第65期)),
/// linking to its permanent address, with its 目录 as the summary and, for the latest issues, its articles in full
/// as the content (pictures with absolute URLs, since a feed reader shows them away from the site). Dated by 印发日期
/// (<see cref="PublicIssues.Issued"/>), not by when the issue was imported.
/// </summary>
public static class AtomFeed
{
    public const int MaxEntries = 50;

    /// <summary>Entries that carry the articles' full text; older ones keep the 目录 only, so the feed stays small.</summary>
    public const int FullTextEntries = 10;

    public const string Path = "/feed.atom";

    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>The feed as UTF-8 bytes (a StringWriter would declare utf-16).</summary>
    public static byte[] Write(Publication publication, IReadOnlyList<Issue> issues, Func<string, string> absolute, MarkdownRenderer markdown)
    {
        var pictures = PictureRendering.Absolute(absolute("/"));
        var feed = new SyndicationFeed(publication.Name, $"{publication.IssuingBody}编印的内部工作通讯", new Uri(absolute("/")))
        {
            Id = absolute(Path),
            Language = "zh-CN",
            Items = issues.Select((issue, index) => Entry(issue, publication, absolute,
                index < FullTextEntries ? article => markdown.Render(article.Body, pictures).Value ?? "" : null)).ToList(),
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

    private static SyndicationItem Entry(Issue issue, Publication publication, Func<string, string> absolute, Func<Article, string>? body)
    {
        var url = absolute(ArchiveUrls.Issue(issue));
        var entry = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(issue.FullLabel),
            PublishDate = PublicIssues.InChinaTime(PublicIssues.Issued(issue)),
            LastUpdatedTime = PublicIssues.InChinaTime(PublicIssues.LastModified(issue)),
            Summary = new TextSyndicationContent(Contents(issue, publication)),
        };
        entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        if (body is not null)
        {
            entry.Content = new TextSyndicationContent(FullText(issue, absolute, body), TextSyndicationContentKind.Html);
        }

        return entry;
    }

    /// <summary>The issue's articles as HTML: section headings, each title linking to its page, the text as on the site.</summary>
    private static string FullText(Issue issue, Func<string, string> absolute, Func<Article, string> body)
    {
        var html = new StringBuilder();
        foreach (var section in issue.TableOfContents())
        {
            html.Append("<h2>").Append(PictureHtml.Escape(section.Section.Name)).Append("</h2>");
            foreach (var article in section.Articles)
            {
                html.Append("<h3><a href=\"").Append(absolute(ArchiveUrls.Article(article))).Append("\">")
                    .Append(PictureHtml.Escape(article.Title)).Append("</a></h3>").Append(body(article));
            }
        }

        return html.ToString();
    }

    /// <summary>目录 as text: one line per section, 【工作调研】title；title.</summary>
    public static string Contents(Issue issue, Publication publication) =>
        "目录\n" + string.Join("\n", issue.TableOfContents()
            .Select(s => $"【{s.Section.Name}】" + string.Join("；", s.Articles.Select(a => a.Title))));
}
