using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// What other real issues have and 总第65期 lacks (decision 0002, "What other issues have"): each rule read from a fixture
/// written from it, as text and as Word.
/// </summary>
public class GeneralityRulesTests
{
    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Supplement_masthead_is_a_supplement_without_serial_number(string format)
    {
        var issue = RuleFixtures.From("supplement.txt", format);

        Assert.Equal((2023, 1, true, (int?)null, 8), (issue.Year, issue.Number, issue.IsSupplement, issue.SerialNumber, issue.CoverMonth));
        Assert.Equal("自治区计生协召开第五次会员代表大会", Assert.Single(issue.AllItems).Title);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void December_issue_printed_in_January_keeps_the_masthead_year(string format)
    {
        var issue = RuleFixtures.From("year-end.txt", format);

        Assert.Equal((2022, 6, 63, 12), (issue.Year, issue.Number, issue.SerialNumber, issue.CoverMonth));
        Assert.Equal(new DateOnly(2023, 1, 5), issue.PrintDate);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Author_line_after_the_title_sets_the_author_and_leaves_the_body(string format)
    {
        var items = RuleFixtures.From("author.txt", format).AllItems.ToList();

        Assert.Equal(("张三", (string?)null), (items[0].AuthorName, items[0].AuthorTitle));
        Assert.Equal("李四 王五", items[1].AuthorName);
        Assert.StartsWith("家庭是社会的基本细胞，", items[0].Body);
        Assert.StartsWith("父母是孩子的第一任老师，", items[1].Body);
        Assert.Equal("自治区计生协青春健康部", items[1].AttributionOrganization);
    }

    /// <summary>The subtitle is short: the test's .docx builder joins a longer unpunctuated paragraph to the next, as a page break would.</summary>
    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Subtitle_line_opens_the_body_in_emphasis_not_as_a_heading(string format)
    {
        var article = Assert.Single(RuleFixtures.From("subtitle.txt", format).AllItems);

        Assert.Equal("把暖心服务送到计生家庭身边", article.Title);
        Assert.StartsWith("*——记兴宁区计生协的“暖心行动”*\n\n近年来，兴宁区计生协", article.Body);
        Assert.Contains("\n\n## 一、建立联系人制度\n\n", article.Body);
        Assert.Contains("<p><em>——记兴宁区计生协的“暖心行动”</em></p>", new Newsletter.Web.Infrastructure.MarkdownRenderer().Render(article.Body).Value);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Caption_without_a_picture_is_an_emphasised_paragraph_of_its_own(string format)
    {
        var article = Assert.Single(RuleFixtures.From("caption.txt", format).AllItems);

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.Contains("提供健康咨询。\n\n*图为活动现场*\n\n活动当天", article.Body);
        Assert.EndsWith("300余人次。\n\n*图为志愿者向群众讲解优生优育知识*", article.Body);
        var html = new Newsletter.Web.Infrastructure.MarkdownRenderer().Render(article.Body).Value!;
        Assert.Contains("<p><em>图为活动现场</em></p>", html);
        Assert.Equal("自治区计生协宣传部", article.AttributionOrganization);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Attachment_block_stays_with_its_article_under_a_heading(string format)
    {
        var issue = RuleFixtures.From("attachment.txt", format);
        var items = issue.AllItems.ToList();

        Assert.Equal(["自治区计生协印发2023年工作要点", "柳州市计生协开展青春健康进校园活动"], items.Select(a => a.Title));
        Assert.Contains("认真抓好贯彻落实。\n\n## 附件：2023年全区计生协工作要点\n\n## 一、加强组织建设\n\n", items[0].Body);
        Assert.EndsWith("推进“暖心家园”建设。", items[0].Body);
        Assert.Equal("自治区计生协办公室", items[0].AttributionOrganization);
        Assert.Equal("尹 红", issue.ChiefEditor);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Section_not_among_the_six_is_read_with_its_articles(string format)
    {
        var issue = RuleFixtures.From("new-section.txt", format);

        Assert.Equal(["工作调研", "理论研究"], issue.Sections.Select(s => s.Name));
        Assert.Equal("人口高质量发展的家庭支撑", Assert.Single(issue.Sections[1].Items).Title);
        Assert.Null(SectionSynonyms.PortalNameOf("理论研究"));
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Toc_without_page_numbers_still_gives_sections_and_titles(string format)
    {
        var issue = RuleFixtures.From("toc-without-pages.txt", format);

        Assert.Equal(["工作调研", "协会活动", "理论研究"], issue.Sections.Select(s => s.Name));
        Assert.Equal(["全区计生协青春健康同伴教育主持人培训班在南宁举办", "自治区计生协开展“520”婚育新风宣传活动"],
            issue.Sections[1].Items.Select(a => a.Title));
        Assert.Equal("新时代计生协基层组织建设的思考与实践", Assert.Single(issue.Sections[2].Items).Title);
        Assert.Equal(4, issue.AllItems.Count());
        Assert.All(issue.AllItems, a => Assert.Null(a.PrintedPage));
        Assert.All(issue.AllItems, a => Assert.Single(a.Paragraphs));
        Assert.Empty(issue.Warnings);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("docx")]
    public void Title_over_two_lines_is_one_title_in_the_toc_and_the_body(string format)
    {
        var items = RuleFixtures.From("two-line-title.txt", format).AllItems.ToList();

        Assert.Equal(["全区计生协系统学习贯彻党的二十大精神暨“六项重点任务”推进会在南宁召开", "自治区计生协召开2023年上半年工作总结会"],
            items.Select(a => a.Title));
        Assert.Equal<int?>([2, 4], items.Select(a => a.PrintedPage));
        Assert.StartsWith("7月6日，", items[0].Body);
        Assert.Equal("7月10日，自治区计生协召开2023年上半年工作总结会，机关各部室汇报了上半年工作完成情况。", items[1].Body);
    }

    [Fact]
    public void Toc_followed_at_once_by_body_text_is_refused_as_having_no_entries()
    {
        var text = RuleFixtures.Text("toc-without-pages.txt");
        var toc = text.IndexOf("工作调研", StringComparison.Ordinal);
        var body = text.IndexOf("8月15日", StringComparison.Ordinal);

        var result = PlainTextIssueParser.Parse(text[..toc] + text[body..]);

        Assert.False(result.Succeeded);
        Assert.Contains("目录（第8行起）中没有文章条目：每个条目应是一行标题（可以带“……页码”）。", result.Errors);
    }
}
