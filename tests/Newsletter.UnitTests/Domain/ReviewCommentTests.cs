using Newsletter.Web.Domain;

namespace Newsletter.UnitTests.Domain;

/// <summary>The one length rule for 意见, used by the issue page and the article page alike.</summary>
public class ReviewCommentTests
{
    private static readonly Actor Editor = new("u-editor", "编辑甲", new HashSet<string> { Roles.Editor });

    private static readonly DateTime Now = new(2023, 5, 6, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_empty_is_refused(string? body)
    {
        var outcome = ReviewComment.Create(Editor, body, Now);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("意见不能为空，且不超过 2000 字。", outcome.Message);
        Assert.Null(outcome.Value);
    }

    [Fact]
    public void Create_over_2000_characters_is_refused()
    {
        var outcome = ReviewComment.Create(Editor, new string('意', ReviewComment.MaxBodyLength + 1), Now);
        Assert.Equal("意见不能为空，且不超过 2000 字。", outcome.Message);
    }

    [Fact]
    public void Create_keeps_2000_characters_trimmed_with_author_and_time()
    {
        var outcome = ReviewComment.Create(Editor, " " + new string('意', ReviewComment.MaxBodyLength - 1), Now);
        Assert.True(outcome.Succeeded);
        var comment = outcome.Value!;
        Assert.Equal(ReviewComment.MaxBodyLength - 1, comment.Body.Length);
        Assert.Equal(("u-editor", "编辑甲", Now, (string?)null), (comment.AuthorId, comment.AuthorName, comment.CreatedAt, comment.Action));
    }

    [Fact]
    public void OnTransition_carries_the_transition_label()
    {
        var comment = ReviewComment.OnTransition(Editor, " 第三段数据请核实。 ", "退回修改", Now);
        Assert.Equal(("第三段数据请核实。", "退回修改"), (comment.Body, comment.Action));
    }
}
