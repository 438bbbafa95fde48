using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>One place where a listed word occurs, with the text around it.</summary>
public sealed record WordHit(int? ArticleId, string Where, string Word, string? Suggestion, string Before, string After);

/// <summary>Checks the whole issue (titles, bodies, bylines, sources, 送/发) against the admin-kept 错敏词 list.</summary>
public static class SensitiveWordCheck
{
    private const int Context = 15;

    /// <param name="plainText">Turns a Markdown body into the text a reader sees, so markup neither hides nor shows in a hit.</param>
    public static List<WordHit> Find(Issue issue, IEnumerable<SensitiveWord> words, Func<string, string>? plainText = null)
    {
        plainText ??= text => text;
        var list = words.Where(w => !string.IsNullOrWhiteSpace(w.Word)).ToList();
        var hits = new List<WordHit>();
        foreach (var (articleId, where, text) in Texts(issue, plainText))
        {
            foreach (var word in list)
            {
                for (var at = text.IndexOf(word.Word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word.Word, at + word.Word.Length, StringComparison.Ordinal))
                {
                    var start = Math.Max(0, at - Context);
                    var end = Math.Min(text.Length, at + word.Word.Length + Context);
                    hits.Add(new WordHit(articleId, where, word.Word, word.Suggestion,
                        (start > 0 ? "…" : "") + text[start..at], text[(at + word.Word.Length)..end] + (end < text.Length ? "…" : "")));
                }
            }
        }

        return hits;
    }

    private static IEnumerable<(int?, string, string)> Texts(Issue issue, Func<string, string> plainText)
    {
        yield return (null, "报尾“送”", issue.SendTo ?? "");
        yield return (null, "报尾“发”", issue.DistributeTo ?? "");
        foreach (var a in issue.Articles.OrderBy(a => a.Section?.SortOrder).ThenBy(a => a.Position))
        {
            var fields = new[] { a.Title, plainText(a.Body), a.AttributionOrganization, a.Correspondents, a.AuthorName, a.AuthorTitle, a.SourceName };
            yield return (a.Id, $"《{a.Title}》", string.Join("\n", fields.Where(f => !string.IsNullOrEmpty(f))));
        }
    }
}
