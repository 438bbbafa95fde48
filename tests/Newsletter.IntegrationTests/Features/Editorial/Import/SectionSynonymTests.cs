using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>An old issue whose 目录 says 调研 and 党课 files its articles under 工作调研 and 专题党课, not in new sections.</summary>
public sealed class SectionSynonymTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sections_printed_under_another_name_are_filed_under_the_portals_own_with_a_warning()
    {
        var text = SeedFiles.Issue65Text.Replace("第2期(总第65期)", "第6期(总第69期)")
            .Replace("\n工作调研\n", "\n调  研\n").Replace("\n专题党课\n", "\n党课\n");
        Assert.Contains("\n调  研\n", text);
        var editor = await portal.SignedInAsync(Roles.Editor);
        var sectionsBefore = await portal.WithDbAsync(db => db.Sections.CountAsync());

        var response = await ImportPageTests.UploadAsync(editor, Encoding.UTF8.GetBytes(text), "2023年第6期.txt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(sectionsBefore, await portal.WithDbAsync(db => db.Sections.CountAsync()));
        var filed = await portal.WithDbAsync(db => db.Articles.Where(a => a.Issue!.SerialNumber == 69)
            .GroupBy(a => a.Section!.Name).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(2, filed["工作调研"]);
        Assert.Equal(1, filed["专题党课"]);
        Assert.Equal(15, filed.Values.Sum());
        var compose = await editor.GetStringAsync(response.Headers.Location);
        Assert.Contains("目录中的栏目“调研”是“工作调研”的另一个名称", compose);
        Assert.Contains("目录中的栏目“党课”是“专题党课”的另一个名称", compose);
    }
}
