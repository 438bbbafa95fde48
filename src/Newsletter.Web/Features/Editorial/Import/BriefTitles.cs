using System.Text.RegularExpressions;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>The title a brief (●…) stands under: it has no printed one.</summary>
internal static partial class BriefTitles
{
    /// <summary>
    /// A brief has no printed title: its first clause of substance stands for one, whole — it is the article's own heading,
    /// and a heading ending in “…” read as a fault. Only a clause longer than a title may be (no punctuation for 200
    /// characters) is cut, at <see cref="Domain.Article.MaxTitleLength"/>, so that the import does not refuse the brief.
    /// </summary>
    public static string Of(string body)
    {
        var clauses = Clauses(body).SkipWhile(c => LeadingTime().IsMatch(c)).ToList();
        var title = clauses.Count == 0 ? body : clauses[0];
        for (var i = 1; i < clauses.Count && title.Length < 12; i++)
        {
            title += "，" + clauses[i];
        }

        return title.Length > Domain.Article.MaxTitleLength ? title[..Domain.Article.MaxTitleLength] : title;
    }

    /// <summary>Splits at ，。；！？ that are not inside “quotes”.</summary>
    private static IEnumerable<string> Clauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '“' or '《' or '（' => 1, '”' or '》' or '）' => -1, _ => 0 };
            if (depth <= 0 && "，。；！？".Contains(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i].Trim();
                }

                start = i + 1;
                depth = 0;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..].Trim();
        }
    }

    [GeneratedRegex(@"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:—\d{1,2}日)?(?:上午|下午|晚上|近日|日前|最近|近期)?$")]
    private static partial Regex LeadingTime();
}
