using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;

namespace Newsletter.UnitTests.Features.Search;

public class ChineseQueryTests
{
    [Theory]
    [InlineData("刘 名", new[] { "刘名" })]
    [InlineData("王 敏 托育", new[] { "王敏", "托育" })]
    [InlineData("  托育   秀峰区 ", new[] { "托育", "秀峰区" })]
    [InlineData("COVID-19 托 育", new[] { "COVID-19", "托育" })]
    public void Words_join_single_characters_printed_with_spaces(string text, string[] expected) =>
        Assert.Equal(expected, ChineseQuery.Words(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("。，！？")]
    public void Nothing_searchable_gives_no_query(string text)
    {
        using var analyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
        Assert.Null(ChineseQuery.Build(analyzer, text));
    }

    [Fact]
    public void A_two_character_word_becomes_a_phrase_not_two_loose_characters()
    {
        using var analyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);
        var query = ChineseQuery.Build(analyzer, "托育")!.ToString();
        Assert.Contains("body2:\"托 育\"", query);
        Assert.Contains("title:\"托 育\"^4.0", query);
    }
}
