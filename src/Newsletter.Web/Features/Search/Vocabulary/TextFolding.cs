namespace Newsletter.Web.Features.Search.Vocabulary;

/// <summary>
/// Folds the variants a reader may paste to one form, at index and at query time: 繁体 to 简体 by OpenCC's character
/// table (託育 = 托育, 唇齶裂 = 唇腭裂), full-width letters, digits and the ideographic space to half-width (２０２３ = 2023).
/// Every mapping is one UTF-16 character to one, so a folded text keeps its length and offsets found in it fit the original.
/// </summary>
public static class TextFolding
{
    private static readonly char[] Map = Load();

    /// <summary>The text with every variant folded; the same string when nothing changes.</summary>
    public static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && Map[text[i]] == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var k = 0; k < source.Length; k++)
            {
                span[k] = Map[source[k]];
            }
        });
    }

    private static char[] Load()
    {
        var map = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            map[c] = (char)c;
        }

        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            map[c] = (char)(c - 0xFEE0);
        }

        map['\u3000'] = ' ';
        foreach (var line in VocabularyFiles.Lines("opencc-t2s.txt"))
        {
            if (line.Length == 2)
            {
                map[line[0]] = line[1];
            }
        }

        return map;
    }
}
