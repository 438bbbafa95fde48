using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// 您要找的是不是…: for a word of two or three Chinese characters that occurs nowhere, the word of the same length, same
/// first character and one other character different that titles and names use most (姚璇 → 姚瑛, the real issue's
/// own 目录 typo). Only titles and names are looked in: they hold the names of people and places, and a body's common
/// words would swamp them (拖育 must not become 生育).
/// </summary>
public static class NearWords
{
    public static string? Find(IndexReader reader, string word)
    {
        if (word.Length is < 2 or > 3 || !word.All(HanTrigramTokenizer.IsHan))
        {
            return null;
        }

        string[] fields = word.Length == 2 ? ["title2", "names2"] : ["title3", "names3"];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            if (terms is null || terms.SeekCeil(new BytesRef(word[..1])) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            do
            {
                var term = terms.Term.Utf8ToString();
                if (term.Length == 0 || term[0] != word[0])
                {
                    break;
                }

                if (term.Length == word.Length && term.Where((c, i) => c != word[i]).Count() == 1)
                {
                    counts[term] = counts.GetValueOrDefault(term) + terms.DocFreq;
                }
            }
            while (terms.MoveNext());
        }

        return counts.Count == 0 ? null : counts.MaxBy(c => c.Value).Key;
    }
}
