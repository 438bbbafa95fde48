using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>
/// An issue whose 目录 has a section that is neither one of the six nor a synonym (理论研究): the import form makes it an
/// inactive section with a warning for an administrator, and the published issue still shows its articles.
/// </summary>
public sealed class NewSectionImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Unknown_section_is_created_inactive_with_a_warning_and_its_articles_show_once_published()
    {
        var text = RuleFixtureImportTests.Fixture("new-section.txt");
        var editor = await portal.SignedInAsync(Roles.Editor);

        var response = await ImportPageTests.UploadAsync(editor, Encoding.UTF8.GetBytes(text), "2023年第5期.txt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var section = await portal.WithDbAsync(db => db.Sections.SingleAsync(s => s.Name == "理论研究"));
        Assert.False(section.IsActive);
        var compose = await editor.GetStringAsync(response.Headers.Location);
        Assert.Contains("目录中的栏目“理论研究”不是本站的栏目，也不是已知的别名；已新建为停用的栏目", compose);
        Assert.Contains("请管理员检查", compose);

        var issueId = await portal.WithDbAsync(db => db.Issues.Where(i => i.SerialNumber == 68).Select(i => i.Id).SingleAsync());
        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
        var published = await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(IssueStatus.Published, await portal.WithDbAsync(db => db.Issues.Where(i => i.Id == issueId).Select(i => i.Status).SingleAsync()));

        var page = await portal.CreateClient().GetStringAsync("/issues/2023/5");
        Assert.Contains("理论研究", page);
        Assert.Contains("人口高质量发展的家庭支撑", page);
        Assert.Contains("自治区计生协到百色市调研基层组织建设", page);
    }
}
