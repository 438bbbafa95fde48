using Newsletter.Web.Domain;

namespace Newsletter.UnitTests.Domain;

/// <summary>The entities' transition methods: the status the table names, and what each transition records with it.</summary>
public class EntityTransitionTests
{
    private static readonly DateTime Now = new(2023, 5, 6, 2, 0, 0, DateTimeKind.Utc);

    private static Issue IssueIn(IssueStatus status) => new() { Year = 2023, Number = 3, Status = status };

    [Fact]
    public void Issue_methods_follow_the_table_from_draft_to_republished()
    {
        var issue = IssueIn(IssueStatus.Draft);
        var seen = new List<IssueStatus>();
        foreach (var step in new Action[]
                 {
                     () => issue.SubmitForReview(Now), () => issue.Return(Now), () => issue.SubmitForReview(Now),
                     () => issue.Approve(Now), () => issue.Reopen(Now), () => issue.SubmitForReview(Now), () => issue.Approve(Now),
                     () => issue.Schedule(Now.AddDays(1), "总编辑", sendOnPublish: false, Now), () => issue.Unschedule(Now),
                     () => issue.Publish("总编辑", sendOnPublish: true, Now), () => issue.Withdraw(" 数据有误 ", Now), () => issue.Republish(Now),
                 })
        {
            step();
            seen.Add(issue.Status);
        }

        Assert.Equal(
            [IssueStatus.InReview, IssueStatus.Draft, IssueStatus.InReview, IssueStatus.Approved, IssueStatus.Draft, IssueStatus.InReview,
             IssueStatus.Approved, IssueStatus.Scheduled, IssueStatus.Approved, IssueStatus.Published, IssueStatus.Withdrawn, IssueStatus.Published],
            seen);
        Assert.Equal((Now, (DateTime?)null, (string?)null), (issue.UpdatedAt, issue.WithdrawnAt, issue.WithdrawalReason));
    }

    [Fact]
    public void Publishing_records_the_confidentiality_review_and_the_first_publication_time()
    {
        var issue = IssueIn(IssueStatus.Approved);
        issue.Publish("总编辑甲", sendOnPublish: false, Now);

        Assert.Equal((IssueStatus.Published, "总编辑甲", Now, false), (issue.Status, issue.ConfidentialityReviewedBy, issue.ConfidentialityReviewedAt, issue.SendOnPublish));
        Assert.Equal(Now, issue.PublishedAt);
    }

    [Fact]
    public void A_scheduled_issue_published_when_due_keeps_no_schedule()
    {
        var issue = IssueIn(IssueStatus.Approved);
        issue.Schedule(Now.AddHours(1), "总编辑甲", sendOnPublish: true, Now);
        Assert.Equal(Now.AddHours(1), issue.ScheduledAt);

        issue.PublishDue(Now.AddHours(1));
        Assert.Equal((IssueStatus.Published, Now.AddHours(1), (DateTime?)null), (issue.Status, issue.PublishedAt, issue.ScheduledAt));
    }

    [Fact]
    public void Withdrawing_keeps_the_reason_for_readers()
    {
        var issue = IssueIn(IssueStatus.Published);
        issue.Withdraw(" 数据有误 ", Now);
        Assert.Equal((IssueStatus.Withdrawn, Now, "数据有误"), (issue.Status, issue.WithdrawnAt, issue.WithdrawalReason));
    }

    [Fact]
    public void A_method_the_table_has_no_row_for_is_a_bug_not_a_refusal()
    {
        var issue = IssueIn(IssueStatus.Draft);
        Assert.Throws<InvalidOperationException>(() => issue.Publish("总编辑甲", sendOnPublish: true, Now));
        Assert.Throws<InvalidOperationException>(() => new Article { Title = "稿件", Status = ArticleStatus.Accepted }.Submit(Now));
    }

    [Fact]
    public void An_imported_issue_is_published_as_printed_with_its_articles_accepted()
    {
        var issue = IssueIn(IssueStatus.Draft);
        issue.PublishAsPrinted(Now);
        var article = new Article { Title = "稿件" };
        article.AcceptAsPrinted();

        Assert.Equal((IssueStatus.Published, Now), (issue.Status, issue.PublishedAt));
        Assert.Equal(ArticleStatus.Accepted, article.Status);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, ArticleAction.Submit, ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Returned, ArticleAction.Submit, ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Return, ArticleStatus.Returned)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Accept, ArticleStatus.Accepted)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Accept, ArticleStatus.Accepted)]
    [InlineData(ArticleStatus.Accepted, ArticleAction.Reopen, ArticleStatus.Draft)]
    public void Article_methods_follow_the_table(ArticleStatus from, ArticleAction action, ArticleStatus to)
    {
        var article = new Article { Title = "稿件", Status = from };
        Action move = action switch
        {
            ArticleAction.Submit => () => article.Submit(Now),
            ArticleAction.Return => () => article.Return(Now),
            ArticleAction.Accept => () => article.Accept(Now),
            _ => () => article.Reopen(Now),
        };
        move();
        Assert.Equal((to, Now), (article.Status, article.UpdatedAt));
    }
}
