using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Shared;

/// <summary>The permanent addresses of the archive: /issues/2023/2, /issues/2023/s1 (增刊), /articles/12.</summary>
public static class ArchiveUrls
{
    public static string Issue(Issue issue) => Issue(issue.Year, issue.Number, issue.IsSupplement);

    public static string Issue(int year, int number, bool supplement) =>
        supplement ? $"/issues/{year}/s{number}" : $"/issues/{year}/{number}";

    public static string Year(int year) => $"/issues/{year}";

    public static string Article(Article article) => Article(article.Id);

    public static string Article(int id) => $"/articles/{id}";

    public static string Section(Section section) => $"/sections/{section.Slug}";
}
