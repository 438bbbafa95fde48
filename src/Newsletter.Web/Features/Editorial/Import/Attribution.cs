using System.Text.RegularExpressions;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Reads the bracketed line at the end of an article or brief: （自治区计生协）,
/// （本文来源：中国计生协）, （摘自 2022-12-08 中国计生协官网）, (合浦县卫生健康局 吴秀晓、李耀来、何义萍).
/// Full- and half-width brackets alike.
/// </summary>
public static partial class Attribution
{
    public static bool IsAttribution(string block) =>
        block.Length <= 60 && Bracketed().Match(block) is { Success: true } m
        && !TextRules.EndsSentence(m.Groups["inner"].Value) && TextRules.ParseDate(block) is null
        || Excerpt().IsMatch(Inner(block));

    public static void ApplyTo(ParsedArticle article, string block)
    {
        var inner = Inner(block);
        if (Excerpt().Match(inner) is { Success: true } excerpt)
        {
            article.SourceKind = SourceKind.Excerpt;
            article.SourceDate = TextRules.ParseDate(excerpt.Groups["date"].Value);
            article.SourceName = excerpt.Groups["name"].Value.Trim();
            return;
        }

        if (Origin().Match(inner) is { Success: true } origin)
        {
            article.SourceKind = SourceKind.Origin;
            article.SourceName = origin.Groups["name"].Value.Trim();
            return;
        }

        var space = inner.IndexOf(' ');
        if (space < 0)
        {
            article.AttributionOrganization = inner;
            return;
        }

        article.AttributionOrganization = inner[..space];
        var people = inner[(space + 1)..]
            .Split(['、', '，', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        article.Correspondents = string.Join("、", people);
    }

    private static string Inner(string block) =>
        Bracketed().Match(block) is { Success: true } m ? TextRules.CleanSpaces(m.Groups["inner"].Value) : "";

    [GeneratedRegex(@"^[（(]\s*(?<inner>.+?)\s*[）)]$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^摘自\s*(?<date>\d{4}\s*(?:-|年)\s*\d{1,2}\s*(?:-|月)\s*\d{1,2}\s*日?)?\s*(?<name>.+)$")]
    private static partial Regex Excerpt();

    [GeneratedRegex(@"^(?:本文)?来源\s*[：:]\s*(?<name>.+)$")]
    private static partial Regex Origin();
}
