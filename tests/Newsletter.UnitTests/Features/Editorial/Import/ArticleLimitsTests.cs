using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.UnitTests.Features.Editorial.Import;

/// <summary>The article editor's limits, applied by the parser to every article of an imported issue.</summary>
public sealed class ArticleLimitsTests
{
    /// <summary>
    /// 1.7 million characters as one paragraph of 42,500 printed lines (40 characters each), or as 42,500 blocks each
    /// stopping mid-sentence (so each continues the paragraph after a page break). Either way the paragraph used to be
    /// built by copying the text so far for each piece (24 s and 72 GB allocated here) before anything could be refused.
    /// The work is measured in bytes allocated, not in seconds: 60–120 MB now.
    /// </summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    public void An_article_of_one_paragraph_of_42500_pieces_is_refused_with_bounded_work(string between)
    {
        var line = string.Concat(Enumerable.Repeat("健康家庭", 9)) + "好家风，"; // 40 characters, a printed line
        var paragraph = string.Join(between, Enumerable.Repeat(line, 42_500));
        var text = SeedFiles.Issue65Text.Replace("引发广泛关注。\n", "引发广泛关注。\n\n" + paragraph + "\n", StringComparison.Ordinal);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = PlainTextIssueParser.Parse(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains(result.Errors, e => e.StartsWith("《筑牢健康中国的家庭基石》的正文有 1,70", StringComparison.Ordinal));
        Assert.True(allocated < 1_000_000_000, $"Parsing allocated {allocated / 1_000_000:N0} MB.");
    }

    [Fact]
    public void The_seed_issue_is_within_the_limits() => Assert.True(PlainTextIssueParser.Parse(SeedFiles.Issue65Text).Succeeded);
}
