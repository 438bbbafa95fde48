namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>Compares a 目录 title with a body heading despite stray spaces and one wrong character.</summary>
public static class Titles
{
    public static bool Match(string tocTitle, string heading)
    {
        var a = TextRules.Compact(tocTitle);
        var b = TextRules.Compact(heading);
        if (a == b)
        {
            return true;
        }

        if (a.Length != b.Length || a.Length < 6)
        {
            return false;
        }

        var differences = a.Zip(b).Count(p => p.First != p.Second);
        return differences <= Math.Max(1, a.Length / 15);
    }

    /// <summary>
    /// The heading as printed in the body (which has the right characters: 姚瑛, not the 目录's 姚璇),
    /// keeping only the spaces the 目录 also has (a wrapped line's stray spaces go).
    /// </summary>
    public static string Clean(string heading, string tocTitle)
    {
        var body = TextRules.CleanSpaces(heading);
        var toc = TextRules.CleanSpaces(tocTitle);
        if (TextRules.Compact(body).Length != TextRules.Compact(toc).Length)
        {
            return body;
        }

        var tocSpaces = SpacePositions(toc);
        var result = new System.Text.StringBuilder();
        var k = 0;
        foreach (var c in body)
        {
            if (c == ' ')
            {
                if (tocSpaces.Contains(k))
                {
                    result.Append(c);
                }

                continue;
            }

            result.Append(c);
            k++;
        }

        return result.ToString();
    }

    private static HashSet<int> SpacePositions(string text)
    {
        var positions = new HashSet<int>();
        var k = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                positions.Add(k);
            }
            else
            {
                k++;
            }
        }

        return positions;
    }
}
