using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

public class TextRulesTests
{
    [Theory]
    [InlineData("要坚持以人民为中心，真情关爱计生困", true)]
    [InlineData("一要加强家庭和生育保障制度顶层设计和研究，倡导新型家", true)]
    [InlineData("（三）“两个确立”为实现中华民族伟大复兴提供了强有力的", true)]
    [InlineData("一是秀峰区充分发挥联席会议制度和村（社区）—办事处—", true)]
    [InlineData("我国的人口发展战略可以分为三个阶段——", false)]
    [InlineData("这是一句完整的话。", false)]
    [InlineData("他说：“这是完整的。”", false)]
    [InlineData("新阶段人口发展面临新任务", false)]
    [InlineData("一、建立健全制度，落实“三项措施”，促进婴幼儿照护服务工作健康发展", false)]
    [InlineData("三、工作成效", false)]
    public void Continues_on_next_page(string paragraph, bool continues) =>
        Assert.Equal(continues, TextRules.ContinuesOnNextPage(paragraph));

    [Theory]
    [InlineData("开展了 2023 年第一次", "开展了2023年第一次")]
    [InlineData("0—3 岁婴幼儿", "0—3岁婴幼儿")]
    [InlineData("桂林市叠彩区计生协 刘 名", "桂林市叠彩区计生协 刘 名")]
    [InlineData("思想  and  党的", "思想 and 党的")]
    [InlineData("\t标题\u3000", "标题")]
    public void Clean_spaces(string input, string expected) =>
        Assert.Equal(expected, TextRules.CleanSpaces(input));

    [Theory]
    [InlineData("2023年5月6日印发", 2023, 5, 6)]
    [InlineData("摘自 2022-12-08 中国计生协官网", 2022, 12, 8)]
    public void Parse_date(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), TextRules.ParseDate(text));

    [Fact]
    public void Impossible_dates_are_not_dates() => Assert.Null(TextRules.ParseDate("2023年2月30日"));

    [Theory]
    [InlineData("姚璇到广西调研计生协工作", "姚瑛到广西调研计生协工作", true)]
    [InlineData("广西计生协成功举办2023年生育关怀·微笑行动公益活动", "广西计生协成功举办 2023 年生育关怀·微笑行动 公益活动", true)]
    [InlineData("杜振宗到自治区计生协调研", "杜振宗到自治区计生协座谈", false)]
    public void Titles_match_despite_spaces_and_one_character(string toc, string heading, bool match) =>
        Assert.Equal(match, Titles.Match(toc, heading));

    [Fact]
    public void Escape_keeps_printed_text_literal()
    {
        Assert.Equal("社区优惠+市场运作", PrintedTextToMarkdown.Escape("社区优惠+市场运作"));
        Assert.Equal("\\*注\\*", PrintedTextToMarkdown.Escape("*注*"));
        Assert.Equal("1\\. 第一", PrintedTextToMarkdown.Escape("1. 第一"));
        Assert.Equal("\\# 不是标题", PrintedTextToMarkdown.Escape("# 不是标题"));
        Assert.Equal("\\<script\\>", PrintedTextToMarkdown.Escape("<script>"));
    }
}
