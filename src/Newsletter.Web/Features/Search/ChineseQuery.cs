using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// Turns what a reader typed, as <see cref="QueryTerms"/> understood it, into a query. No query syntax: each word
/// (and each part of a word split by <see cref="QueryTerms"/>, as any of its synonyms) must occur as a phrase — its tokens adjacent — in the title, the names or the body, with the title
/// weighted highest (title 4, names 2, body 1). Matching uses n-gram fields, so a match is an exact substring
/// and never depends on how SmartCn happened to segment the text around the word (it splits 向日葵亲子小屋
/// differently inside quotes): 托育 does not match 受托…优育, and 刘 名 (as printed) is read as 刘名.
/// A word of three or more Chinese characters is looked up in the trigram fields (title3, names3, body3:
/// one term for three characters, a short phrase of rare terms for more); any other word in the bigram
/// fields (title2, names2, body2: Lucene's CJKAnalyzer, which also handles Latin letters and digits).
/// The SmartCn title (whole words) is one more alternative, so a title that has the word as a word scores higher.
/// </summary>
public static class ChineseQuery
{
    public static readonly (string Field, float Boost)[] BigramFields = [("title2", 4f), ("names2", 2f), ("body2", 1f)];

    public static readonly (string Field, float Boost)[] TrigramFields = [("title3", 4f), ("names3", 2f), ("body3", 1f)];

    /// <summary>The SmartCn word field.</summary>
    public static readonly (string Field, float Boost) WordField = ("title", 4f);

    /// <summary>SmartCn for the word field, CJK bigrams for the …2 fields, Chinese trigrams for the …3 fields.</summary>
    public static Analyzer CreateAnalyzer(LuceneVersion version)
    {
        var perField = new Dictionary<string, Analyzer>();
        foreach (var (field, _) in BigramFields)
        {
            perField[field] = new CJKAnalyzer(version);
        }

        foreach (var (field, _) in TrigramFields)
        {
            perField[field] = HanTrigramTokenizer.CreateAnalyzer();
        }

        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(version), perField);
    }

    /// <summary>How much more a split word's exact text counts than its parts found apart.</summary>
    private const float ExactBoost = 2f;

    /// <summary>The query for text typed by a reader, understood with no list of known words but Guangxi's places.</summary>
    public static Query? Build(Analyzer analyzer, string text) => Build(analyzer, QueryTerms.Understand(analyzer, WordList.Default, text));

    /// <summary>
    /// Every word must occur, and every part of a split word (each part as any of its synonyms); a split word's exact
    /// text is one more optional clause, boosted, so the exact phrase ranks first where it occurs.
    /// </summary>
    public static Query? Build(Analyzer analyzer, IReadOnlyList<QueryWord> words) => Combine(words.Select(w => WordClause(analyzer, w)), Occur.MUST, 1);

    /// <summary>
    /// The partial-match fallback: any part of any word, the documents with more of them first (Lucene's coord factor);
    /// null when there is only one part (then it would be the same query).
    /// </summary>
    public static Query? BuildAny(Analyzer analyzer, IReadOnlyList<QueryWord> words) =>
        Combine(QueryTerms.AllParts(words).Select(p => PartClause(analyzer, p)), Occur.SHOULD, 2);

    private static Query? WordClause(Analyzer analyzer, QueryWord word)
    {
        if (word.Parts.Count == 1)
        {
            return PartClause(analyzer, word.Parts[0]);
        }

        if (Combine(word.Parts.Select(p => PartClause(analyzer, p)), Occur.MUST, 1) is not BooleanQuery all)
        {
            return null;
        }

        if (FormClause(analyzer, word.Text) is { } exact)
        {
            exact.Boost = ExactBoost;
            all.Add(exact, Occur.SHOULD);
        }

        return all;
    }

    /// <summary>One part: any of its forms.</summary>
    public static Query? PartClause(Analyzer analyzer, QueryPart part) =>
        part.Forms.Count == 1 ? FormClause(analyzer, part.Forms[0]) : Combine(part.Forms.Select(f => FormClause(analyzer, f)), Occur.SHOULD, 1);

    /// <summary>One form as a phrase in the trigram fields (three Chinese characters or more) or the bigram fields, or as SmartCn words in the title.</summary>
    private static BooleanQuery? FormClause(Analyzer analyzer, string form)
    {
        var fields = form.Length >= 3 && form.All(HanTrigramTokenizer.IsHan) ? TrigramFields : BigramFields;
        var any = new BooleanQuery();
        foreach (var (field, boost) in fields.Append(WordField))
        {
            if (Phrase(analyzer, field, form) is { } clause)
            {
                clause.Boost = boost;
                any.Add(clause, Occur.SHOULD);
            }
        }

        return any.Clauses.Count > 0 ? any : null;
    }

    private static BooleanQuery? Combine(IEnumerable<Query?> clauses, Occur occur, int least)
    {
        var query = new BooleanQuery();
        foreach (var clause in clauses.OfType<Query>())
        {
            query.Add(clause, occur);
        }

        return query.Clauses.Count >= least ? query : null;
    }

    /// <summary>Each form of each part with the number of its part, for marking the words in stored text (<see cref="Snippets"/>).</summary>
    public static List<(string Form, int Word)> Marks(IReadOnlyList<QueryWord> words) =>
        QueryTerms.AllParts(words).SelectMany((p, i) => p.Forms.Select(f => (f, i))).ToList();

    /// <summary>The marks of text typed by a reader (see <see cref="Marks(IReadOnlyList{QueryWord})"/>), understood with Guangxi's places only.</summary>
    public static List<(string Form, int Word)> Marks(Analyzer analyzer, string text) =>
        Marks(QueryTerms.Understand(analyzer, WordList.Default, text));

    /// <summary>The word as a phrase in the field (a term query when it is one token), or null if it has no tokens there.</summary>
    private static Query? Phrase(Analyzer analyzer, string field, string word)
    {
        var tokens = Tokens(analyzer, field, word);
        if (tokens.Count <= 1)
        {
            return tokens.Count == 0 ? null : new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }

    /// <summary>The reader's words: split at white space, with runs of single Chinese characters joined (刘 名 → 刘名).</summary>
    public static List<string> Words(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        var run = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 1 && HanTrigramTokenizer.IsHan(part[0]))
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


    /// <summary>
    /// The tokens of a short text (a word the reader typed) in a field, remembered per analyser: SmartCn's segmenter was a
    /// tenth of an uncached search, and readers type the same words again and again. At most
    /// <see cref="MaxRemembered"/> texts per analyser are kept (then forgotten all at once); a long text is not kept.
    /// </summary>
    public static IReadOnlyList<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        if (text.Length > MaxRememberedLength)
        {
            return Analyse(analyzer, field, text);
        }

        var memo = Remembered.GetValue(analyzer, _ => new ConcurrentDictionary<(string, string), IReadOnlyList<(string, int)>>());
        if (memo.TryGetValue((field, text), out var known))
        {
            return known;
        }

        if (memo.Count >= MaxRemembered)
        {
            memo.Clear();
        }

        return memo[(field, text)] = Analyse(analyzer, field, text);
    }

    private const int MaxRemembered = 20_000;

    private const int MaxRememberedLength = 32;

    private static readonly ConditionalWeakTable<Analyzer, ConcurrentDictionary<(string, string), IReadOnlyList<(string, int)>>> Remembered = new();

    private static List<(string Term, int Position)> Analyse(Analyzer analyzer, string field, string text)
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
