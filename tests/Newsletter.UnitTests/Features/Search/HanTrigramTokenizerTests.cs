using Lucene.Net.Util;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;

namespace Newsletter.UnitTests.Features.Search;

public class HanTrigramTokenizerTests
{
    [Fact]
    public void Trigrams_stay_inside_runs_of_chinese_characters_with_a_gap_between_runs()
    {
        using var analyzer = HanTrigramTokenizer.CreateAnalyzer();
        var tokens = ChineseQuery.Tokens(analyzer, "body3", "计生协，会员之家2023年托育");
        Assert.Equal([("计生协", 0), ("会员之", 2), ("员之家", 3), ("年托育", 5)], tokens);
    }

    [Fact]
    public void A_word_split_by_punctuation_in_the_text_is_not_found_as_one_word()
    {
        using var analyzer = ChineseQuery.CreateAnalyzer(LuceneVersion.LUCENE_48);
        var query = ChineseQuery.Build(analyzer, "向日葵亲子")!.ToString();
        Assert.Contains("body3:\"向日葵 日葵亲 葵亲子\"", query);
        var text = ChineseQuery.Tokens(analyzer, "body3", "向日，葵亲子小屋").Select(t => t.Term);
        Assert.DoesNotContain("日葵亲", text);
    }
}
