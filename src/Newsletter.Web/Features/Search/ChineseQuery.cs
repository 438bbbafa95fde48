using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// Turns what a reader typed into a query. No query syntax: each word the reader typed (split at spaces)
/// must occur as a phrase — its tokens adjacent — in the title, the body or the names, with the title
/// weighted highest. Each field is indexed twice: SmartCn words (title, body, names) and overlapping
/// character bigrams (title2, body2, names2). The bigram phrase is an exact-substring match that does not
/// depend on how SmartCn happened to segment the text around the word (it splits 向日葵亲子小屋 differently
/// inside quotes); the SmartCn phrase adds to the score. So 托育 does not match 受托…优育, and 刘 名
/// (as printed) is read as 刘名.
/// </summary>
public static class ChineseQuery
{
    public static readonly (string Field, float Boost)[] Fields =
        [("title", 4f), ("names", 2f), ("body", 1f), ("title2", 4f), ("names2", 2f), ("body2", 1f)];

    public static readonly string[] BigramFields = ["title2", "names2", "body2"];

    public static Query? Build(Analyzer analyzer, string text)
    {
        var words = Words(text);
        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var any = new BooleanQuery();
            foreach (var (field, boost) in Fields)
            {
                var tokens = Tokens(analyzer, field, word);
                if (tokens.Count == 0)
                {
                    continue;
                }

                Query clause;
                if (tokens.Count == 1)
                {
                    clause = new TermQuery(new Term(field, tokens[0].Term));
                }
                else
                {
                    var phrase = new PhraseQuery();
                    foreach (var (term, position) in tokens)
                    {
                        phrase.Add(new Term(field, term), position);
                    }

                    clause = phrase;
                }

                clause.Boost = boost;
                any.Add(clause, Occur.SHOULD);
            }

            if (any.Clauses.Count > 0)
            {
                query.Add(any, Occur.MUST);
            }
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>The reader's words: split at white space, with runs of single Chinese characters joined (刘 名 → 刘名).</summary>
    public static List<string> Words(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        var run = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 1 && IsChinese(part[0]))
            {
                run.Append(part);
                continue;
            }

            Flush();
            words.Add(part);
        }

        Flush();
        return words;

        void Flush()
        {
            if (run.Length > 0)
            {
                words.Add(run.ToString());
                run.Clear();
            }
        }
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }

        stream.End();
        return tokens;
    }
}
