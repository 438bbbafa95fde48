using Newsletter.Web.Domain;

namespace Newsletter.UnitTests.Domain;

/// <summary>Every status × action × role of the issue table, against an expectation written out by hand.</summary>
public class IssueWorkflowTests
{
    public static readonly string[] Actors = [Roles.Correspondent, Roles.Editor, Roles.ChiefEditor, Roles.Administrator, Roles.Member, Roles.System];

    private static readonly Dictionary<(IssueStatus, IssueAction), string[]> Allowed = new()
    {
        [(IssueStatus.Draft, IssueAction.SubmitForReview)] = [Roles.Editor, Roles.ChiefEditor],
        [(IssueStatus.InReview, IssueAction.Return)] = [Roles.ChiefEditor],
        [(IssueStatus.InReview, IssueAction.Approve)] = [Roles.ChiefEditor],
        [(IssueStatus.Approved, IssueAction.Reopen)] = [Roles.ChiefEditor],
        [(IssueStatus.Approved, IssueAction.Publish)] = [Roles.ChiefEditor],
        [(IssueStatus.Approved, IssueAction.Schedule)] = [Roles.ChiefEditor],
        [(IssueStatus.Scheduled, IssueAction.Unschedule)] = [Roles.ChiefEditor],
        [(IssueStatus.Scheduled, IssueAction.PublishDue)] = [Roles.System],
        [(IssueStatus.Published, IssueAction.Withdraw)] = [Roles.ChiefEditor, Roles.Administrator],
        [(IssueStatus.Withdrawn, IssueAction.Republish)] = [Roles.ChiefEditor],
    };

    private static Issue IssueIn(IssueStatus status) => new()
    {
        Year = 2023, Number = 3, Status = status, Articles = [new Article { Title = "稿件" }],
    };

    private static Actor ActorFor(string role) => role == Roles.System ? Actor.System : new Actor("u-" + role, role, new HashSet<string> { role });

    public static TheoryData<IssueStatus, IssueAction, string> Cases()
    {
        var data = new TheoryData<IssueStatus, IssueAction, string>();
        foreach (var status in Enum.GetValues<IssueStatus>())
        {
            foreach (var action in Enum.GetValues<IssueAction>())
            {
                foreach (var role in Actors)
                {
                    data.Add(status, action, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transition_is_allowed_exactly_where_expected(IssueStatus status, IssueAction action, string role)
    {
        var (row, refusal, _) = IssueWorkflow.Instance.Check(IssueIn(status), action, ActorFor(role), note: "原因");
        var expected = Allowed.TryGetValue((status, action), out var who) && who.Contains(role);
        Assert.Equal(expected, row is not null);
        if (!expected)
        {
            Assert.Equal(Allowed.ContainsKey((status, action)) ? Refusal.NotPermitted : Refusal.NotFromThisStatus, refusal);
        }
    }

    [Theory]
    [InlineData(IssueStatus.InReview, IssueAction.Return)]
    [InlineData(IssueStatus.Approved, IssueAction.Reopen)]
    [InlineData(IssueStatus.Published, IssueAction.Withdraw)]
    public void Returning_and_withdrawing_need_a_reason(IssueStatus status, IssueAction action)
    {
        var (_, refusal, _) = IssueWorkflow.Instance.Check(IssueIn(status), action, ActorFor(Roles.ChiefEditor), note: null);
        Assert.Equal(Refusal.NoteMissing, refusal);
    }

    [Fact]
    public void An_empty_issue_cannot_go_to_review()
    {
        var issue = new Issue { Year = 2023, Number = 3, Status = IssueStatus.Draft };
        var (_, refusal, message) = IssueWorkflow.Instance.Check(issue, IssueAction.SubmitForReview, ActorFor(Roles.Editor), null);
        Assert.Equal(Refusal.GuardFailed, refusal);
        Assert.Contains("没有编入任何文章", message);
    }

    [Fact]
    public void Chief_editor_sees_return_and_approve_on_an_issue_in_review()
    {
        var allowed = IssueWorkflow.Instance.Allowed(IssueIn(IssueStatus.InReview), ActorFor(Roles.ChiefEditor)).Select(t => t.Label);
        Assert.Equal(["退回修改", "审核通过"], allowed);
        Assert.Empty(IssueWorkflow.Instance.Allowed(IssueIn(IssueStatus.InReview), ActorFor(Roles.Editor)));
    }

    /// <summary>
    /// A 撤回原因 is shown to readers and kept in a column of 500 characters (SQL Server refuses a longer value with an
    /// error); a return note is kept as a review comment of at most 2,000.
    /// </summary>
    [Theory]
    [InlineData(IssueStatus.Published, IssueAction.Withdraw, 500)]
    [InlineData(IssueStatus.InReview, IssueAction.Return, 2000)]
    public void A_note_longer_than_its_column_is_refused_with_the_limit(IssueStatus status, IssueAction action, int limit)
    {
        var chief = ActorFor(Roles.ChiefEditor);
        Assert.NotNull(IssueWorkflow.Instance.Check(IssueIn(status), action, chief, new string('因', limit)).Transition);

        var (row, refusal, message) = IssueWorkflow.Instance.Check(IssueIn(status), action, chief, new string('因', limit + 1));

        Assert.Null(row);
        Assert.Equal(Refusal.NoteTooLong, refusal);
        Assert.Contains($"不能超过 {limit} 字", message);
    }
}
