using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>A brief's title is its first clause of substance, whole: it is the article's own heading, never cut with “…”.</summary>
public sealed class BriefTitlesTests
{
    [Fact]
    public void Of_a_long_first_clause_is_the_whole_clause()
    {
        const string clause = "5月12日上午南宁市计划生育协会联合市卫生健康委在青秀区南湖公园广场举办“5·29会员活动日”暨优生优育健康咨询义诊活动";
        var title = BriefTitles.Of($"{clause}，现场发放宣传资料1200余份。");

        Assert.Equal(clause, title);
        Assert.True(title.Length > 32, "the clause is longer than the 32 characters the title used to be cut at");
        Assert.DoesNotContain("…", title);
    }

    [Fact]
    public void Of_skips_a_leading_time_and_joins_short_clauses()
    {
        Assert.Equal("柳州市计生协召开会员大会", BriefTitles.Of("近日，柳州市计生协召开会员大会，选举产生新一届理事会。"));
        Assert.Equal("河池市计生协开会，部署全年工作", BriefTitles.Of("5月8日，河池市计生协开会，部署全年工作。会议听取了工作报告。"));
    }

    [Fact]
    public void Of_a_clause_longer_than_a_title_may_be_is_cut_to_the_limit_without_an_ellipsis()
    {
        var body = string.Concat(Enumerable.Repeat("桂林市计生协开展家庭健康促进行动", 20));
        var title = BriefTitles.Of(body);

        Assert.Equal(Article.MaxTitleLength, title.Length);
        Assert.StartsWith(title, body, StringComparison.Ordinal);
        Assert.DoesNotContain("…", title);
    }
}
