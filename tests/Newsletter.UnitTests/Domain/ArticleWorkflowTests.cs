using Newsletter.Web.Domain;

namespace Newsletter.UnitTests.Domain;

/// <summary>Every status × action × kind of actor of the article table, against an expectation written out by hand.</summary>
public class ArticleWorkflowTests
{
    private const string OwnerId = "owner";

    public static readonly string[] Actors = ["owner-correspondent", "other-correspondent", Roles.Editor, Roles.ChiefEditor, Roles.Administrator, Roles.Member];

    /// <summary>(from, action) → who may; everything not listed is refused.</summary>
    private static readonly Dictionary<(ArticleStatus, ArticleAction), string[]> Allowed = new()
    {
        [(ArticleStatus.Draft, ArticleAction.Submit)] = ["owner-correspondent", Roles.Editor, Roles.ChiefEditor],
        [(ArticleStatus.Returned, ArticleAction.Submit)] = ["owner-correspondent", Roles.Editor, Roles.ChiefEditor],
        [(ArticleStatus.Submitted, ArticleAction.Return)] = [Roles.Editor, Roles.ChiefEditor],
        [(ArticleStatus.Submitted, ArticleAction.Accept)] = [Roles.Editor, Roles.ChiefEditor],
        [(ArticleStatus.Draft, ArticleAction.Accept)] = [Roles.Editor, Roles.ChiefEditor],
        [(ArticleStatus.Accepted, ArticleAction.Reopen)] = [Roles.Editor, Roles.ChiefEditor],
    };

    private static Actor ActorFor(string who) => who switch
    {
        "owner-correspondent" => new Actor(OwnerId, "通讯员甲", new HashSet<string> { Roles.Correspondent }),
        "other-correspondent" => new Actor("other", "通讯员乙", new HashSet<string> { Roles.Correspondent }),
        _ => new Actor("u-" + who, who, new HashSet<string> { who }),
    };

    public static TheoryData<ArticleStatus, ArticleAction, string> Cases()
    {
        var data = new TheoryData<ArticleStatus, ArticleAction, string>();
        foreach (var status in Enum.GetValues<ArticleStatus>())
        {
            foreach (var action in Enum.GetValues<ArticleAction>())
            {
                foreach (var who in Actors)
                {
                    data.Add(status, action, who);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transition_is_allowed_exactly_where_expected(ArticleStatus status, ArticleAction action, string who)
    {
        var article = new Article { Title = "稿件", Status = status, CreatedById = OwnerId };
        var (row, refusal, message) = ArticleWorkflow.Instance.Check(article, action, ActorFor(who), note: "意见");
        var expected = Allowed.TryGetValue((status, action), out var whoMay) && whoMay.Contains(who);
        Assert.Equal(expected, row is not null);
        if (!expected)
        {
            Assert.Equal(Allowed.ContainsKey((status, action)) ? Refusal.NotPermitted : Refusal.NotFromThisStatus, refusal);
            Assert.False(string.IsNullOrWhiteSpace(message));
        }
    }

    [Fact]
    public void Returning_needs_a_note()
    {
        var article = new Article { Title = "稿件", Status = ArticleStatus.Submitted };
        var (row, refusal, message) = ArticleWorkflow.Instance.Check(article, ArticleAction.Return, ActorFor(Roles.Editor), note: " ");
        Assert.Null(row);
        Assert.Equal(Refusal.NoteMissing, refusal);
        Assert.Contains("说明", message);
    }

    [Fact]
    public void Accepted_article_placed_in_an_issue_cannot_be_reopened()
    {
        var article = new Article { Title = "稿件", Status = ArticleStatus.Accepted, IssueId = 7 };
        var (_, refusal, message) = ArticleWorkflow.Instance.Check(article, ArticleAction.Reopen, ActorFor(Roles.Editor), null);
        Assert.Equal(Refusal.GuardFailed, refusal);
        Assert.Contains("移出", message);
    }

    [Fact]
    public void Buttons_shown_are_the_allowed_transitions()
    {
        var article = new Article { Title = "稿件", Status = ArticleStatus.Submitted, CreatedById = OwnerId };
        Assert.Equal([ArticleAction.Return, ArticleAction.Accept], ArticleWorkflow.Instance.Allowed(article, ActorFor(Roles.Editor)).Select(t => t.Action));
        Assert.Empty(ArticleWorkflow.Instance.Allowed(article, ActorFor("owner-correspondent")));
    }
}
