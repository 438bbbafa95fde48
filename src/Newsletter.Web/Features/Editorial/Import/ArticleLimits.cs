using System.Globalization;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// The article editor's limits (<see cref="Article.MaxTitleLength"/>, <see cref="Article.MaxBodyLength"/>) hold for imported
/// articles too: an article no editor could have saved is refused, naming it, rather than stored for every search to read.
/// </summary>
public static class ArticleLimits
{
    /// <summary>How much of an over-long title the message quotes.</summary>
    private const int QuotedTitle = 30;

    public static void Check(ParsedIssue issue, List<string> errors)
    {
        foreach (var article in issue.AllItems)
        {
            var title = article.Title.Length > QuotedTitle ? article.Title[..QuotedTitle] + "…" : article.Title;
            if (article.Title.Length > Article.MaxTitleLength)
            {
                errors.Add($"《{title}》的标题有 {Count(article.Title.Length)} 个字，超过了稿件编辑页允许的 {Count(Article.MaxTitleLength)} 个字，请缩短后再导入。");
            }

            var body = article.Body.Length;
            if (body > Article.MaxBodyLength)
            {
                errors.Add($"《{title}》的正文有 {Count(body)} 个字，超过了稿件编辑页允许的 {Count(Article.MaxBodyLength)} 个字，请删减或拆成几篇后再导入。");
            }
        }
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
