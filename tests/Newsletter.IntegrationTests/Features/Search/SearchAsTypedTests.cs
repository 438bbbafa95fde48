using System.Net;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>
/// Search as people type it (issue 19), on the real issue 总第65期: unspaced queries, 繁体 and full-width input,
/// the association's abbreviations, and the partial-match fallback.
/// </summary>
[Collection(SharedPortal.Name)]
public class SearchAsTypedTests(PortalFactory portal)
{
    private const string Smile = "广西计生协成功举办2023年生育关怀·微笑行动公益活动";
    private const string Xiufeng = "落实“三项措施”，打造“三个阵地” 全力推进婴幼儿照护服务工作";
    private const string YaoYing = "姚瑛到广西调研计生协工作";
    private const string DuZhenzong = "杜振宗到自治区计生协调研";

    private readonly HttpClient client = portal.CreateClient();

    /// <summary>Each query and the article a reader expects first.</summary>
    public static TheoryData<string, string> FirstResults() => new()
    {
        { "唇腭裂", Smile },
        { "唇腭裂手术", Smile },
        { "托育 秀峰区", Xiufeng },
        { "秀峰区托育", Xiufeng },
        { "秀峰区婴幼儿照护", Xiufeng },
        { "姚瑛调研", YaoYing },
        { "杜振宗", DuZhenzong },
        { "杜振宗调研", DuZhenzong },
        { "唇齶裂手術", Smile },
        { "託育 秀峰區", Xiufeng },
        { "２０２３年 微笑行动", Smile },
        { "微笑行動", Smile },
    };

    [Theory]
    [MemberData(nameof(FirstResults))]
    public async Task The_expected_article_comes_first(string query, string first)
    {
        var page = await SearchPage.GetAsync(client, query);
        Assert.True(page.Count > 0, $"{query}: nothing found");
        Assert.Equal(first, page.Titles[0]);
    }

    [Fact]
    public async Task An_unspaced_query_needs_every_word_and_ranks_the_exact_phrase_first()
    {
        var apart = await SearchPage.GetAsync(client, "秀峰区托育");
        Assert.Equal((await SearchPage.GetAsync(client, "秀峰区 托育")).Count, apart.Count);
        var phrase = await SearchPage.GetAsync(client, "计生协工作");
        var words = await SearchPage.GetAsync(client, "计生协 工作");
        Assert.Equal(words.Count, phrase.Count);
        Assert.Contains("<mark>计生协工作</mark>", phrase.TitleHtml[0] + phrase.Snippets[0]);
    }

    [Fact]
    public async Task The_page_shows_the_words_that_were_searched()
    {
        var page = await SearchPage.GetAsync(client, "唇腭裂手术");
        var chips = page.Document.QuerySelectorAll("#searched-words .word-chip").Select(c => c.TextContent).ToList();
        Assert.Equal(["唇腭裂", "手术"], chips);
    }

    [Theory]
    [InlineData("託育", "托育")]
    [InlineData("唇齶裂", "唇腭裂")]
    [InlineData("計生協", "计生协")]
    [InlineData("２０２３", "2023")]
    [InlineData("劉 名", "刘名")]
    public async Task Variants_find_what_the_simplified_half_width_form_finds(string variant, string plain)
    {
        var folded = await SearchPage.GetAsync(client, variant);
        var expected = await SearchPage.GetAsync(client, plain);
        Assert.True(expected.Count > 0, plain);
        Assert.Equal(expected.Count, folded.Count);
        Assert.Equal(expected.Titles, folded.Titles);
    }

    [Fact]
    public async Task A_traditional_query_marks_the_simplified_text()
    {
        var page = await SearchPage.GetAsync(client, "唇齶裂");
        Assert.Contains("<mark>唇腭裂</mark>", page.Snippets[0]);
    }

    [Theory]
    [InlineData("卫健委", "卫生健康委")]
    [InlineData("计划生育协会", "计生协")]
    [InlineData("卫生健康局", "卫健局")]
    public async Task An_abbreviation_and_its_full_form_find_each_other(string query, string other)
    {
        var expanded = await SearchPage.GetAsync(client, query);
        var alone = await SearchPage.GetAsync(client, other);
        Assert.True(alone.Count > 0, other);
        Assert.True(expanded.Count >= alone.Count, $"{query}: {expanded.Count}, {other}: {alone.Count}");
        Assert.Contains(expanded.Document.QuerySelectorAll("#searched-words .word-chip"), c => c.TextContent.Contains(other, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_that_never_occur_together_fall_back_to_labelled_partial_matches()
    {
        var page = await SearchPage.GetAsync(client, "武宣县托育");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(0, page.Count);
        var notice = page.Document.QuerySelector("#partial-notice")!.TextContent;
        Assert.Contains("没有同时包含全部词语的结果，以下为部分匹配", notice);
        Assert.Contains(page.Titles, t => t == Xiufeng);
        Assert.Contains(page.Document.QuerySelectorAll(".search-results .snippet"), s => s.InnerHtml.Contains("<mark>武宣县</mark>", StringComparison.Ordinal));
        Assert.True(int.Parse(page.Document.QuerySelector("#partial-count")!.TextContent) >= 3);
    }

    [Theory]
    [InlineData("受托")]
    [InlineData("量子计算机")]
    public async Task Two_characters_apart_and_unknown_words_still_find_nothing(string query)
    {
        var page = await SearchPage.GetAsync(client, query);
        Assert.Equal(0, page.Count);
        Assert.Null(page.Document.QuerySelector("#partial-notice"));
        Assert.Empty(page.Titles);
    }
}
