using System.Net;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>Chinese search on the real issue 总第65期, as a county reader would use it.</summary>
[Collection(SharedPortal.Name)]
public class SearchRelevanceTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task Tuoyu_finds_the_experience_article_and_the_population_strategy_article_only()
    {
        var page = await SearchPage.GetAsync(client, "托育");
        Assert.Equal(2, page.Count);
        Assert.Contains("落实“三项措施”，打造“三个阵地” 全力推进婴幼儿照护服务工作", page.Titles);
        Assert.Contains("优化人口发展战略 建立生育支持政策体系", page.Titles);
        Assert.All(page.Snippets, s => Assert.Contains("<mark>托育</mark>", s));
    }

    [Fact]
    public async Task Two_characters_apart_do_not_match_a_two_character_word()
    {
        Assert.Equal(0, (await SearchPage.GetAsync(client, "受托")).Count);
        var tuoyu = await SearchPage.GetAsync(client, "托育");
        Assert.DoesNotContain(tuoyu.Titles, t => t.StartsWith("杜振宗", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cleft_lip_puts_the_smile_operation_article_first()
    {
        var page = await SearchPage.GetAsync(client, "唇腭裂");
        Assert.Equal("广西计生协成功举办2023年生育关怀·微笑行动公益活动", page.Titles[0]);
        Assert.Contains("<mark>唇腭裂</mark>", page.Snippets[0]);
    }

    [Fact]
    public async Task A_name_in_the_title_ranks_that_article_first()
    {
        var page = await SearchPage.GetAsync(client, "杜振宗");
        Assert.Equal("杜振宗到自治区计生协调研", page.Titles[0]);
        Assert.Equal("<mark>杜振宗</mark>到自治区计生协调研", page.TitleHtml[0]);
        Assert.True(page.Count >= 2);
    }

    [Fact]
    public async Task Sunflower_parent_child_room_finds_xiufeng_and_the_wuxuan_brief()
    {
        var page = await SearchPage.GetAsync(client, "向日葵亲子小屋");
        Assert.Contains(page.Titles, t => t.StartsWith("落实“三项措施”", StringComparison.Ordinal));
        Assert.Contains(page.Titles, t => t.StartsWith("武宣县首个促进儿童早期发展公益项目", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("刘 名")]
    [InlineData("刘名")]
    public async Task A_correspondent_is_found_with_or_without_the_printed_space(string name)
    {
        var page = await SearchPage.GetAsync(client, name);
        Assert.Equal(2, page.Count);
        Assert.All(page.Titles, t => Assert.StartsWith("叠彩区卫生健康局", t));
    }

    [Fact]
    public async Task Several_words_must_all_occur()
    {
        Assert.Equal(1, (await SearchPage.GetAsync(client, "托育 秀峰区")).Count);
        Assert.Equal(0, (await SearchPage.GetAsync(client, "托育 唇腭裂")).Count);
    }

    [Fact]
    public async Task Filters_by_section_year_and_organisation()
    {
        Assert.Equal(1, (await SearchPage.GetAsync(client, "托育", "&section=5")).Count);
        Assert.Equal(2, (await SearchPage.GetAsync(client, "托育", "&year=2023")).Count);
        Assert.Equal(0, (await SearchPage.GetAsync(client, "托育", "&year=2022")).Count);
        var org = await SearchPage.GetAsync(client, "计生协", "&org=" + Uri.EscapeDataString("桂林市叠彩区计生协"));
        Assert.Equal(2, org.Count);
        var page = await SearchPage.GetAsync(client, "");
        Assert.Contains(page.Document.QuerySelectorAll("#org option"), o => o.TextContent == "桂林市叠彩区计生协");
    }

    [Fact]
    public async Task Results_are_paged_counted_and_sortable_by_date()
    {
        var first = await SearchPage.GetAsync(client, "计生协");
        Assert.True(first.Count > 10, $"{first.Count} results");
        Assert.Equal(10, first.Titles.Count);
        var second = await SearchPage.GetAsync(client, "计生协", "&page=2");
        Assert.Equal(first.Count - 10, second.Titles.Count);
        Assert.Empty(first.Titles.Intersect(second.Titles));
        var byDate = await SearchPage.GetAsync(client, "计生协", "&sort=Date");
        Assert.Equal("杜振宗到自治区计生协调研", byDate.Titles[0]);
        Assert.Equal(first.Count, byDate.Count);
    }

    [Fact]
    public async Task Nothing_found_gives_a_helpful_page()
    {
        var page = await SearchPage.GetAsync(client, "量子计算机");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("没有找到与“量子计算机”相关的内容", text);
        Assert.Contains("按年份浏览往期", text);
    }

    public static TheoryData<string> OddInputs() => new()
    {
        "\"", "\"托育", "(托育", "托育)", "[", "{}", "托育 AND", "OR", "NOT 托育", "*", "?", "托*", "~", "托育~2", "^3", "\\", "/", "a:b",
        "title:托育", "&&", "||", "!", "-", "+托育", "托育^", "%", "%25", "<script>alert(1)</script>", "'; DROP TABLE Issues;--",
        new string('托', 2000), string.Concat(Enumerable.Repeat("托育 ", 400)), "😀", "托育😀", "👨‍👩‍👧", "2023年", "2023", "abc", "COVID-19 托育",
        "第2期(总第65期)", "０—３岁", "\u0000", "\t", "　", "托\u200b育",
    };

    [Theory]
    [MemberData(nameof(OddInputs))]
    public async Task Any_input_gives_a_page_never_an_error(string query)
    {
        var page = await SearchPage.GetAsync(client, query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[role=search] #q"));
        Assert.DoesNotContain("<script>alert", page.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task A_very_long_query_is_cut_and_the_page_says_so()
    {
        var page = await SearchPage.GetAsync(client, new string('托', 2000));
        Assert.Contains("搜索词太长，只用了前 100 个字", page.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Every_page_has_a_search_box()
    {
        var home = await Html.ParseAsync(await client.GetStringAsync("/articles/1"));
        var form = home.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task The_search_boxes_take_at_most_100_characters()
    {
        var page = await Html.ParseAsync(await client.GetStringAsync("/search?q=%E6%89%98%E8%82%B2"));
        Assert.Equal("100", page.QuerySelector("header form[role=search] input[name=q]")!.GetAttribute("maxlength"));
        Assert.Equal("100", page.QuerySelector("main form[role=search] #q")!.GetAttribute("maxlength"));
    }
}
