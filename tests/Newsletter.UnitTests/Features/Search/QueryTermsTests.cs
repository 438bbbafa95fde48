using Lucene.Net.Util;
using Newsletter.Web.Features.Search;
using Newsletter.Web.Features.Search.Vocabulary;

namespace Newsletter.UnitTests.Features.Search;

public class QueryTermsTests
{
    private static readonly WordList Known = WordList.Create(
        ["计生协=计划生育协会=计生协会", "卫健委=卫生健康委员会=卫生健康委", "自治区=广西壮族自治区"], ["刘 名", "王 敏"]);

    [Theory]
    [InlineData("唇腭裂手术", "唇腭裂|手术")]
    [InlineData("秀峰区托育", "秀峰区|托育")]
    [InlineData("秀峰区婴幼儿照护", "秀峰区|婴幼儿|照护")]
    [InlineData("姚瑛调研", "姚瑛|调研")]
    [InlineData("武宣县托育", "武宣县|托育")]
    [InlineData("计生协调研", "计生协|调研")]
    [InlineData("刘名托育", "刘名|托育")]
    [InlineData("武宣县的托育", "武宣县|托育")]
    [InlineData("受托", "受托")]
    [InlineData("托育", "托育")]
    [InlineData("杜振宗", "杜振宗")]
    [InlineData("计划生育协会", "计划生育协会")]
    public void Unspaced_words_are_split_into_known_words_and_SmartCn_words(string typed, string expected)
    {
        using var analyzer = ChineseQuery.CreateAnalyzer(LuceneVersion.LUCENE_48);
        Assert.Equal(expected, string.Join("|", QueryTerms.Split(analyzer, Known, typed)));
    }

    [Theory]
    [InlineData("託育", "托育")]
    [InlineData("唇齶裂", "唇腭裂")]
    [InlineData("計生協", "计生协")]
    [InlineData("２０２３年", "2023年")]
    [InlineData("ＣＯＶＩＤ－１９", "COVID-19")]
    public void Variants_fold_to_one_form(string typed, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(typed));

    [Fact]
    public void Folding_keeps_the_length_and_plain_text_as_it_is()
    {
        const string plain = "广西计生协成功举办2023年生育关怀·微笑行动公益活动";
        Assert.Same(plain, TextFolding.Fold(plain));
        Assert.Equal("衛生健康委員會".Length, TextFolding.Fold("衛生健康委員會").Length);
        Assert.Equal("卫生健康委员会", TextFolding.Fold("衛生健康委員會"));
    }

    [Fact]
    public void A_word_carries_its_synonyms_and_a_traditional_query_is_understood_as_simplified()
    {
        using var analyzer = ChineseQuery.CreateAnalyzer(LuceneVersion.LUCENE_48);
        var words = QueryTerms.Understand(analyzer, Known, "計生協 衛健委");
        Assert.Equal(["计生协", "计划生育协会", "计生协会"], words[0].Parts[0].Forms);
        Assert.Equal(["卫健委", "卫生健康委员会", "卫生健康委"], words[1].Parts[0].Forms);
    }

    [Fact]
    public void Places_and_their_short_forms_and_byline_names_are_known_words()
    {
        Assert.True(Known.IsKnown("秀峰区"));
        Assert.True(Known.IsKnown("武宣"));
        Assert.True(Known.IsKnown("融水苗族自治县"));
        Assert.False(Known.IsKnown("融水苗族自治"));
        Assert.True(Known.IsKnown("刘名"));
    }
}
