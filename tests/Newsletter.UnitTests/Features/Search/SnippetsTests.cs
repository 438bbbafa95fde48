using Lucene.Net.Util;
using Newsletter.Web.Features.Search;

namespace Newsletter.UnitTests.Features.Search;

/// <summary>
/// A search result's snippet: the words found as substrings of the folded body (no analyser), the fragment cut where
/// most of them meet, marks placed in the text as written.
/// </summary>
public sealed class SnippetsTests
{
    /// <summary>1.7 million characters in which the sentence occurs once, at 1.5 million.</summary>
    private static string LongBody(string sentence)
    {
        var filler = string.Concat(Enumerable.Repeat("健康家庭好家风，共建共享新生活。", 106_250));
        return filler[..1_500_000] + sentence + filler[1_500_000..];
    }

    private static List<(string Form, int Word)> Marks(string query)
    {
        using var analyzer = ChineseQuery.CreateAnalyzer(LuceneVersion.LUCENE_48);
        return ChineseQuery.Marks(analyzer, query);
    }

    [Theory]
    [InlineData("各地开展婴幼儿照护服务。", "婴幼儿照护", "各地开展<mark>婴幼儿照护</mark>服务。")]
    [InlineData("做好ＣＯＶＩＤ-19防控。", "covid", "做好<mark>ＣＯＶＩＤ</mark>-19防控。")] // folded to half-width, case ignored
    [InlineData("推進託育服務。", "托育", "推進<mark>託育</mark>服務。")] // 繁体 in the text, marked as written
    public void A_match_deep_in_a_long_body_is_found_and_marked_as_written(string sentence, string query, string marked)
    {
        var fragment = Snippets.Fragment(LongBody(sentence), Marks(query));

        Assert.NotNull(fragment);
        Assert.Contains(marked, fragment);
        Assert.StartsWith("…", fragment);
        Assert.EndsWith("…", fragment);
    }

    [Fact]
    public void A_short_body_gives_the_place_where_most_words_occur_together()
    {
        var text = "托育机构在各地开展工作。" + new string('好', 200) + "。普惠托育服务和婴幼儿照护服务一起推进。";

        var fragment = Snippets.Fragment(text, Marks("托育 照护"));

        Assert.Equal("…普惠<mark>托育</mark>服务和婴幼儿<mark>照护</mark>服务一起推进。", fragment);
    }

    [Fact]
    public void The_parts_of_an_unspaced_word_are_marked_each_and_nothing_marks_nothing()
    {
        Assert.Equal("为患者实施<mark>唇腭裂</mark>修复<mark>手术</mark>。", Snippets.MarkAll("为患者实施唇腭裂修复手术。", Marks("唇腭裂手术")));
        Assert.Null(Snippets.MarkAll("为患者实施修复。", Marks("唇腭裂手术")));
        Assert.Equal("&lt;<mark>托育</mark>&gt;", Snippets.MarkAll("<托育>", Marks("托育")));
    }
}
