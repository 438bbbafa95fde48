using Newsletter.Web.Domain;

namespace Newsletter.UnitTests.Domain;

/// <summary>A back issue (imported from the printed archive) goes to the archive on its printed date and never asks for mail.</summary>
public class BackIssueTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    private static Issue Imported(IssueStatus status, DateOnly? printed) => new()
    {
        Year = 2022, Number = 12, CoverMonth = 12, PrintDate = printed, SourceFile = "2022年第12期.txt", Status = status,
    };

    [Fact]
    public void Publishing_a_back_issue_dates_it_at_its_printing_in_beijing_and_sends_nothing()
    {
        var issue = Imported(IssueStatus.Approved, new DateOnly(2023, 1, 10));
        issue.Publish("总编辑甲", sendOnPublish: true, Now);

        Assert.True(issue.IsBackIssue);
        Assert.Equal((IssueStatus.Published, new DateTime(2023, 1, 9, 16, 0, 0, DateTimeKind.Utc), false),
            (issue.Status, issue.PublishedAt, issue.SendOnPublish));
        Assert.Equal(Now, issue.ConfidentialityReviewedAt);
    }

    [Fact]
    public void Without_a_printing_date_the_cover_month_dates_it_also_when_scheduled_or_seeded()
    {
        var scheduled = Imported(IssueStatus.Approved, null);
        scheduled.Schedule(Now.AddHours(1), "总编辑甲", sendOnPublish: true, Now);
        scheduled.PublishDue(Now.AddHours(1));
        var seeded = Imported(IssueStatus.Draft, null);
        seeded.PublishAsPrinted(Now);

        Assert.Equal(new DateOnly(2022, 12, 1), scheduled.PrintedOn);
        Assert.Equal((new DateTime(2022, 11, 30, 16, 0, 0, DateTimeKind.Utc), false), (scheduled.PublishedAt, scheduled.SendOnPublish));
        Assert.Equal(new DateTime(2022, 11, 30, 16, 0, 0, DateTimeKind.Utc), seeded.PublishedAt);
    }

    [Fact]
    public void An_issue_composed_in_the_portal_goes_out_now_and_may_be_mailed()
    {
        var issue = new Issue { Year = 2023, Number = 3, CoverMonth = 6, PrintDate = new DateOnly(2023, 6, 1), Status = IssueStatus.Approved };
        issue.Publish("总编辑甲", sendOnPublish: true, Now);

        Assert.False(issue.IsBackIssue);
        Assert.Equal((Now, true), (issue.PublishedAt, issue.SendOnPublish));
    }
}
