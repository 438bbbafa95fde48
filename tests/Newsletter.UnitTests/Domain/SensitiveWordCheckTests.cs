using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Issues;

namespace Newsletter.UnitTests.Domain;

public class SensitiveWordCheckTests
{
    [Fact]
    public void Each_occurrence_is_found_with_its_context_and_suggestion()
    {
        var issue = new Issue
        {
            SendTo = "有关领导、自治区计生协会会长。",
            Articles =
            [
                new Article { Id = 7, Title = "叠彩区开展活动", Body = "3月31日，叠彩区计生协会组织特殊家庭开展活动，计生协会志愿者参加。" },
            ],
        };
        var hits = SensitiveWordCheck.Find(issue, [new SensitiveWord { Word = "计生协会", Suggestion = "计划生育协会" }]);

        Assert.Equal(3, hits.Count);
        Assert.Equal((null, "报尾“送”"), (hits[0].ArticleId, hits[0].Where));
        var first = hits[1];
        Assert.Equal((7, "《叠彩区开展活动》", "计划生育协会"), (first.ArticleId, first.Where, first.Suggestion));
        Assert.EndsWith("3月31日，叠彩区", first.Before);
        Assert.StartsWith("组织特殊家庭", first.After);
        Assert.StartsWith("…", hits[2].Before);
    }

    [Fact]
    public void Markup_in_the_body_neither_hides_a_word_nor_shows_in_the_context()
    {
        var issue = new Issue { Articles = [new Article { Title = "标题", Body = "## 一、情况\n\n叠彩区**计生协会**组织活动。" }] };
        var hit = Assert.Single(SensitiveWordCheck.Find(issue, [new SensitiveWord { Word = "计生协会" }], new Newsletter.Web.Infrastructure.MarkdownRenderer().ToPlainText));
        Assert.EndsWith("叠彩区", hit.Before);
        Assert.DoesNotContain("*", hit.Before + hit.After);
    }

    [Fact]
    public void A_clean_issue_has_no_hits()
    {
        var issue = new Issue { Articles = [new Article { Title = "标题", Body = "正文没有问题。" }] };
        Assert.Empty(SensitiveWordCheck.Find(issue, [new SensitiveWord { Word = "计生协会" }, new SensitiveWord { Word = " " }]));
    }
}
