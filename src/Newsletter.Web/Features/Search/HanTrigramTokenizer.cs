using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// Overlapping three-character grams of runs of Chinese characters (一–鿿), for the …3 fields. A word of
/// three characters is then one term instead of a two-bigram phrase, and a longer word a phrase of rarer
/// terms, which is what keeps the common words (计生协, 两个确立) fast. Anything else (punctuation, Latin,
/// digits, a run shorter than three) only separates runs, and leaves a one-position gap so that a phrase
/// never matches across it.
/// </summary>
public sealed class HanTrigramTokenizer : Tokenizer
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private char[] text = [];
    private int next;
    private int gap;

    public HanTrigramTokenizer(TextReader input)
        : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public static Analyzer CreateAnalyzer() =>
        Analyzer.NewAnonymous((_, reader) => new TokenStreamComponents(new HanTrigramTokenizer(reader)));

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (next + 3 <= text.Length)
        {
            var start = next;
            var broken = !IsHan(text[start]) ? start : !IsHan(text[start + 1]) ? start + 1 : !IsHan(text[start + 2]) ? start + 2 : -1;
            if (broken >= 0)
            {
                next = broken + 1;
                gap = 1;
                continue;
            }

            term.CopyBuffer(text, start, 3);
            offset.SetOffset(CorrectOffset(start), CorrectOffset(start + 3));
            increment.PositionIncrement = 1 + gap;
            gap = 0;
            next = start + 1;
            return true;
        }

        return false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(text.Length);
        offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        text = m_input.ReadToEnd().ToCharArray();
        next = 0;
        gap = 0;
    }
}
