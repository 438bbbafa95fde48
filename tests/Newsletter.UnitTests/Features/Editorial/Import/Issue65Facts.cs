using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>
/// The facts of the real issue 总第65期, one list for every way it comes in: the text seed (<see cref="SeedIssueImportTests"/>),
/// the PDF an office printed of it (<see cref="PdfSeedImportTests"/>) and the .docx it was typed in (<see cref="OfficeDocxImportTests"/>).
/// </summary>
public abstract class Issue65Facts(ParsedIssue issue)
{
    protected ParsedIssue Issue { get; } = issue;

    /// <summary>The file read by extension, as every door reads it; a refusal fails the test with its messages.</summary>
    protected static ParsedIssue Read(byte[] bytes, string fileName)
    {
        var result = IssueFile.Parse(bytes, fileName);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    /// <summary>Every item has the text seed's title, fields and body, character for character.</summary>
    protected void AssertSameItemsAsTheTextSeed()
    {
        var fromText = PlainTextIssueParser.Parse(SeedFiles.Issue65Bytes).Value!.AllItems.ToList();
        var items = Issue.AllItems.ToList();
        Assert.Equal(fromText.Count, items.Count);
        foreach (var (text, item) in fromText.Zip(items))
        {
            Assert.Equal((text.Title, text.TocTitle, text.IsBrief, text.PrintedPage, text.AuthorName, text.AuthorTitle, text.Dateline),
                (item.Title, item.TocTitle, item.IsBrief, item.PrintedPage, item.AuthorName, item.AuthorTitle, item.Dateline));
            Assert.Equal((text.AttributionOrganization, text.Correspondents, text.SourceKind, text.SourceName, text.SourceDate),
                (item.AttributionOrganization, item.Correspondents, item.SourceKind, item.SourceName, item.SourceDate));
            Assert.Equal(text.Body, item.Body);
        }
    }

    private ParsedArticle Item(string titleStart) =>
        Issue.AllItems.Single(a => a.Title.StartsWith(titleStart, StringComparison.Ordinal));

    [Fact]
    public void Masthead_is_number_2_serial_65_May_2023()
    {
        Assert.Equal(2023, Issue.Year);
        Assert.Equal(2, Issue.Number);
        Assert.Equal(65, Issue.SerialNumber);
        Assert.Equal(5, Issue.CoverMonth);
        Assert.False(Issue.IsSupplement);
    }

    [Fact]
    public void Sections_follow_the_toc_order()
    {
        Assert.Equal(["工作调研", "协会活动", "学习文选", "专题党课", "经验交流", "基层简讯"], Issue.Sections.Select(s => s.Name));
        Assert.True(Issue.Sections[^1].HoldsBriefs);
        Assert.All(Issue.Sections[..^1], s => Assert.False(s.HoldsBriefs));
    }

    [Fact]
    public void Nine_articles_and_six_briefs()
    {
        Assert.Equal(9, Issue.AllItems.Count(a => !a.IsBrief));
        Assert.Equal(6, Issue.AllItems.Count(a => a.IsBrief));
        Assert.All(Issue.Sections[^1].Items, a => Assert.True(a.IsBrief));
    }

    [Fact]
    public void Toc_decides_the_section_even_where_the_body_has_no_heading()
    {
        string[] Titles(string section) => Issue.Sections.Single(s => s.Name == section).Items.Select(a => a.Title).ToArray();
        Assert.Equal(["杜振宗到自治区计生协调研", "姚瑛到广西调研计生协工作"], Titles("工作调研"));
        Assert.Equal(["优化人口发展战略 建立生育支持政策体系", "筑牢健康中国的家庭基石"], Titles("学习文选"));
        Assert.Equal(["深刻领悟“两个确立”的决定性意义"], Titles("专题党课"));
        Assert.Equal(["落实“三项措施”，打造“三个阵地” 全力推进婴幼儿照护服务工作"], Titles("经验交流"));
        Assert.Equal(3, Titles("协会活动").Length);
    }

    [Fact]
    public void Title_comes_from_the_body_heading_where_the_toc_differs()
    {
        var article = Item("姚");
        Assert.Equal("姚瑛到广西调研计生协工作", article.Title);
        Assert.Equal("姚璇到广西调研计生协工作", article.TocTitle);
        Assert.Contains(Issue.Warnings, w => w.Contains("姚璇") && w.Contains("姚瑛"));
    }

    [Fact]
    public void Wrapped_title_loses_its_stray_spaces()
    {
        Assert.Contains(Issue.AllItems, a => a.Title == "广西计生协成功举办2023年生育关怀·微笑行动公益活动");
        Assert.DoesNotContain(Issue.AllItems, a => a.Title.Contains("2023 年") || a.Title.Contains("行动 公益"));
    }

    [Fact]
    public void Printed_start_pages_come_from_the_toc()
    {
        var pages = Issue.AllItems.Where(a => !a.IsBrief).Select(a => a.PrintedPage);
        Assert.Equal<int?>([3, 5, 7, 8, 9, 11, 15, 17, 25], pages);
        Assert.All(Issue.AllItems.Where(a => a.IsBrief), b => Assert.Null(b.PrintedPage));
    }

    [Fact]
    public void Attributions_are_fields_not_body_text()
    {
        Assert.Equal("自治区计生协", Item("杜振宗").AttributionOrganization);
        Assert.Equal("自治区计生协项目部", Item("广西计生协成功举办").AttributionOrganization);
        Assert.Equal("桂林市秀峰区计生协", Item("落实").AttributionOrganization);
        var origin = Item("中国计生协在南宁");
        Assert.Equal(SourceKind.Origin, origin.SourceKind);
        Assert.Equal("中国计生协", origin.SourceName);
        Assert.All(Issue.AllItems, a => Assert.DoesNotContain("（自治区计生协", a.Body));
        Assert.All(Issue.AllItems, a => Assert.DoesNotContain("本文来源", a.Body));
    }

    [Fact]
    public void Brief_correspondents_and_organisation_from_full_and_half_width_brackets()
    {
        var briefs = Issue.Sections[^1].Items;
        Assert.Equal(("七星区华侨旅游经济区计生协", "欧馨琳"), (briefs[0].AttributionOrganization, briefs[0].Correspondents));
        Assert.Equal(("桂林市叠彩区计生协", "刘 名"), (briefs[1].AttributionOrganization, briefs[1].Correspondents));
        Assert.Equal(("桂林市叠彩区计生协", "刘 名"), (briefs[2].AttributionOrganization, briefs[2].Correspondents));
        Assert.Equal(("合浦县卫生健康局", "吴秀晓、李耀来、何义萍"), (briefs[3].AttributionOrganization, briefs[3].Correspondents));
        Assert.Equal(("北海市海城区", "王 敏"), (briefs[4].AttributionOrganization, briefs[4].Correspondents));
        Assert.Equal(("武宣县计生协", (string?)null), (briefs[5].AttributionOrganization, briefs[5].Correspondents));
        Assert.All(briefs, b => Assert.DoesNotContain("●", b.Body));
    }

    [Fact]
    public void Excerpt_source_and_date_are_fields()
    {
        var reprint = Item("优化人口");
        Assert.Equal(SourceKind.Excerpt, reprint.SourceKind);
        Assert.Equal("中国计生协官网", reprint.SourceName);
        Assert.Equal(new DateOnly(2022, 12, 8), reprint.SourceDate);
        Assert.Equal(new DateOnly(2022, 11, 17), Item("筑牢").SourceDate);
        Assert.DoesNotContain("摘自", reprint.Body);
    }

    [Fact]
    public void Signed_article_has_author_and_title()
    {
        var signed = Item("筑牢");
        Assert.Equal("何 翔", signed.AuthorName);
        Assert.Equal("中国计划生育协会党组成员、副秘书长", signed.AuthorTitle);
        Assert.StartsWith("习近平总书记", signed.Paragraphs[0]);
    }

    [Fact]
    public void Party_lecture_has_date_and_speaker()
    {
        var lecture = Item("深刻领悟");
        Assert.Equal(new DateOnly(2023, 3, 28), lecture.Dateline);
        Assert.Equal("曾强华", lecture.AuthorName);
        Assert.Null(lecture.AuthorTitle);
        Assert.StartsWith("为深入学习", lecture.Paragraphs[0]);
    }

    [Fact]
    public void Numbered_headings_become_markdown_headings()
    {
        var lecture = Item("深刻领悟").Body;
        Assert.Contains("\n\n## 一、“两个确立”具有决定性意义\n\n", lecture);
        Assert.Contains("\n\n## 三、在坚定捍卫“两个确立”、坚决做到“两个维护”上走在前\n\n", lecture);
        Assert.Contains("\n\n**（一）要深刻把握“两个确立”与“两个维护”的关系。**我们党", lecture);

        var experience = Item("落实").Body;
        Assert.Contains("\n\n## 一、建立健全制度，落实“三项措施”，促进婴幼儿照护服务工作健康发展\n\n", experience);
        Assert.Contains("\n\n### （一）领导高度重视，确保婴幼儿照护服务工作有序开展。\n\n", experience);
        Assert.Contains("\n\n## 三、工作成效\n\n", experience);
        Assert.Contains("\n\n## 新阶段人口发展面临新任务\n\n", Item("优化人口").Body);
    }

    [Theory]
    [InlineData("杜振宗到", "真情关爱计生困难家庭，为他们提供力所能及的服务。")]
    [InlineData("姚瑛到", "走访了涠洲镇“一老一小”政策落实情况")]
    [InlineData("自治区计生协举办", "培训期间，自治区计生协机关党支部开展了2023年第一次理论学习")]
    [InlineData("优化人口", "牢牢把握了人口发展的战略主动权。")]
    [InlineData("优化人口", "家庭的文明作用都不可替代。")]
    [InlineData("优化人口", "倡导新型家庭婚育文化。")]
    [InlineData("深刻领悟", "提供了强有力的保证和行动指南。")]
    [InlineData("深刻领悟", "以历史决议的形式宣示")]
    [InlineData("深刻领悟", "中华民族伟大复兴就有了")]
    [InlineData("深刻领悟", "时刻关注党中央在关心什么")]
    [InlineData("深刻领悟", "党员干部最鲜明的特质。")]
    [InlineData("深刻领悟", "为发展尽好力。二要一身正气。")]
    [InlineData("落实", "村（社区）—办事处—城区三级网格员优势")]
    [InlineData("落实", "一方面利用他们专业优势")]
    [InlineData("落实", "秀峰区尊神庙向日葵亲子小屋在中国计划生育协会")]
    [InlineData("海城区", "解答了家长们各种“孩子成长的烦恼”的提问")]
    public void Paragraphs_broken_across_pages_are_joined(string item, string joined)
    {
        var article = Item(item);
        Assert.Single(article.Paragraphs, p => p.Contains(joined, StringComparison.Ordinal));
    }

    [Fact]
    public void No_paragraph_ends_mid_sentence_except_headings()
    {
        var open = Issue.AllItems.SelectMany(a => a.Paragraphs)
            .Where(p => TextRules.ContinuesOnNextPage(p))
            .ToList();
        Assert.Empty(open);
    }

    [Fact]
    public void Footer_names_lines_and_print_date()
    {
        Assert.Equal("尹 红", Issue.ChiefEditor);
        Assert.Equal("潘绍先", Issue.Editor);
        Assert.Equal("黄玉鹏", Issue.ResponsibleEditor);
        Assert.Equal("有关领导、中国计生协各部室、自治区卫生健康委、自治区计生协会会长、副会长。", Issue.SendTo);
        Assert.Equal("各市、县（市、区）计划生育协会。", Issue.DistributeTo);
        Assert.Equal("广西壮族自治区计划生育协会", Issue.IssuingBody);
        Assert.Equal(new DateOnly(2023, 5, 6), Issue.PrintDate);
    }

    [Fact]
    public void Spaces_between_chinese_and_digits_are_removed_but_names_keep_theirs()
    {
        var all = string.Join("\n", Issue.AllItems.Select(a => a.Body));
        Assert.Contains("我国14亿多人口", all);
        Assert.Contains("0—3岁婴幼儿", all);
        Assert.DoesNotContain("2023 年", all);
        Assert.Contains(Issue.AllItems, a => a.Correspondents == "刘 名");
    }

    [Fact]
    public void Briefs_get_a_title_from_their_first_clause()
    {
        var briefs = Issue.Sections[^1].Items;
        Assert.Equal("自治区计生协采购了一批“暖心健康包”", briefs[0].Title);
        Assert.StartsWith("海城区卫健局、海城区计生协举办“做智慧家长，育健康宝宝”", briefs[4].Title);
        // Whole clauses: the heading of the brief's own page is never cut with “…” (the 目录 may shorten it, the heading not).
        Assert.Equal("海城区卫健局、海城区计生协举办“做智慧家长，育健康宝宝”优生优育政策宣传及儿童健康知识讲座", briefs[4].Title);
        Assert.All(briefs, b => Assert.DoesNotContain("…", b.Title));
        Assert.All(briefs, b => Assert.Contains(b.Title, b.Body));
        Assert.All(briefs, b => Assert.InRange(b.Title.Length, 8, Newsletter.Web.Domain.Article.MaxTitleLength));
    }
}
