using System.Net;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Articles;

/// <summary>
/// The two versions side by side are one table, a row per line pair: a long paragraph on one side and its shorter
/// counterpart share a row (they stay aligned however they wrap), an added paragraph faces an empty cell, and there are
/// no inner scroll boxes — the page grows with the text.
/// </summary>
public sealed class DiffLayoutTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Each_line_pair_is_one_row_of_two_cells_and_an_added_paragraph_faces_an_empty_cell()
    {
        var editor = await portal.SignedInAsync(Roles.Editor);
        var id = await editor.WriteArticleAsync("对照修改的稿件", "第一段。\n\n第二段。");
        var version = await portal.ArticleAsync(id, a => a.Version);
        var longer = "第一段，" + string.Concat(Enumerable.Repeat("补充了很长的一段说明文字，", 30)) + "完。";
        var saved = await editor.PostFormAsync($"/editorial/articles/{id}/edit", $"/editorial/articles/{id}/edit", new()
        {
            ["Title"] = "对照修改的稿件", ["Body"] = $"{longer}\n\n新增的一段。\n\n第二段。", ["SectionId"] = "6", ["Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Html.ParseAsync(await editor.GetStringAsync($"/editorial/articles/{id}/diff?from=1&to=2"));
        var table = page.QuerySelector(".diff table.diff-table")!;
        Assert.Equal(2, table.QuerySelectorAll("thead th").Length);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.All(rows, row => Assert.Equal(2, row.QuerySelectorAll("td.diff-line").Length));
        Assert.Contains(rows, row => row.Children[1].TextContent.Contains("补充了很长的一段") && row.Children[0].TextContent.Contains("第一段"));
        Assert.Contains(rows, row => row.Children[1].TextContent.Contains("新增的一段") && row.Children[0].ClassList.Contains("diff-empty"));
        Assert.Empty(page.QuerySelectorAll(".diff-pane"));
    }
}
