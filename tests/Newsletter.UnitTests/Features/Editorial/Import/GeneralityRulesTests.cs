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
}
