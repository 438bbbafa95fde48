using System.Net;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Search;
using Newsletter.Web.Features.Search;

namespace Newsletter.IntegrationTests.Features.Search;

/// <summary>The index follows publishing, withdrawal and corrections through the search outbox, on every node.</summary>
public sealed class SearchFreshnessTests : IDisposable
{
    private readonly List<PortalFactory> portals = [];

    public void Dispose() => portals.ForEach(p => p.Dispose());

    private PortalFactory Portal(string? dataPath = null, Dictionary<string, string?>? settings = null)
    {
        var portal = new PortalFactory { DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N")), Settings = settings ?? new() { ["Search:PollSeconds"] = "1" } };
        portals.Add(portal);
        return portal;
    }

    private static async Task<int> CountWithinAsync(HttpClient client, string query, int expected, int seconds = 8)
    {
        var count = -1;
        for (var i = 0; i < seconds * 10 && count != expected; i++)
        {
            count = (await SearchPage.GetAsync(client, query)).Count;
            if (count != expected)
            {
                await Task.Delay(100);
            }
        }

        return count;
    }

    [Fact]
    public async Task Publishing_withdrawing_and_correcting_show_in_search_within_seconds()
    {
        var portal = Portal();
        var reader = portal.CreateClient();
        Assert.Equal(0, (await SearchPage.GetAsync(reader, "婚育新风")).Count);

        var issueId = await portal.PublishNewIssueAsync("河池市计生协在金城江区举办婚育新风进万家宣传活动。");
        Assert.Equal(1, await CountWithinAsync(reader, "婚育新风", 1));

        var articleId = await portal.WithDbAsync(db => db.Articles.Where(a => a.IssueId == issueId).Select(a => a.Id).SingleAsync());
        var editor = await portal.SignedInAsync(Roles.Editor);
        await editor.PostFormAsync($"/editorial/articles/{articleId}/correct", $"/editorial/articles/{articleId}/correct", new()
        {
            ["Title"] = "河池市开展婚育新风进万家活动", ["Body"] = "河池市计生协在宜州区举办婚育新风进万家宣传活动。", ["SectionId"] = "6",
            ["Version"] = (await portal.ArticleAsync(articleId, a => a.Version)).ToString(), ["note"] = "活动地点应为宜州区。",
        });
        Assert.Equal(1, await CountWithinAsync(reader, "宜州区", 1));
        Assert.Equal(0, await CountWithinAsync(reader, "金城江区", 0));

        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Withdraw, new() { ["Note"] = "重复刊发。" });
        Assert.Equal(0, await CountWithinAsync(reader, "婚育新风", 0));
    }

    [Fact]
    public async Task Members_only_issues_never_show_to_anonymous_readers()
    {
        var portal = Portal();
        await portal.PublishNewIssueAsync("内部交流：婚育新风进万家活动的经验。", visibility: "MembersOnly");
        var member = await portal.SignedInAsync(Roles.Member);
        Assert.Equal(1, await CountWithinAsync(member, "婚育新风", 1));
        Assert.Equal(0, (await SearchPage.GetAsync(portal.CreateClient(), "婚育新风")).Count);
    }

    [Fact]
    public async Task A_second_node_on_the_same_database_keeps_its_own_index_from_the_outbox()
    {
        var first = Portal();
        _ = first.Services;
        var database = Path.Combine(first.DataPath, "newsletter.db");
        var second = Portal(settings: new() { ["ConnectionStrings:Newsletter"] = $"Data Source={database}", ["Search:PollSeconds"] = "1" });
        var secondReader = second.CreateClient();
        Assert.Equal(2, (await SearchPage.GetAsync(secondReader, "托育")).Count);

        await first.PublishNewIssueAsync("河池市计生协举办婚育新风进万家宣传活动。");
        Assert.Equal(1, await CountWithinAsync(secondReader, "婚育新风", 1));
        Assert.True(Directory.Exists(Path.Combine(second.DataPath, "index")));
    }

    [Fact]
    public async Task The_reindex_verb_refuses_while_a_running_portal_uses_the_index()
    {
        var portal = Portal();
        var reader = portal.CreateClient();
        Assert.Equal(2, (await SearchPage.GetAsync(reader, "托育")).Count);

        var (exitCode, output) = await PortalProcess.RunVerbAsync(portal.DataPath, "reindex");
        Assert.Equal(1, exitCode);
        Assert.Contains("检索索引正被运行中的门户使用", output);
        Assert.Equal(2, (await SearchPage.GetAsync(reader, "托育")).Count);
    }

    [Fact]
    public async Task An_index_of_an_older_field_layout_is_rebuilt_at_start()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));
        using (var before = new PortalFactory { DataPath = dataPath, DeleteDataOnDispose = false })
        {
            Assert.Equal(2, (await SearchPage.GetAsync(before.CreateClient(), "托育")).Count);
        }

        // As an index written by the previous version: other fields, and commit data with the outbox position only.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(dataPath, "index")))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
            Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))))
        {
            writer.DeleteAll();
            writer.SetCommitData(new Dictionary<string, string> { ["outbox"] = "0" });
            writer.Commit();
        }

        var restarted = Portal(dataPath);
        Assert.Equal(2, (await SearchPage.GetAsync(restarted.CreateClient(), "托育")).Count);
    }

    [Fact]
    public async Task A_missing_index_is_built_at_start_and_the_admin_can_rebuild_it()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));
        using (var before = new PortalFactory { DataPath = dataPath, DeleteDataOnDispose = false })
        {
            Assert.Equal(2, (await SearchPage.GetAsync(before.CreateClient(), "托育")).Count);
        }

        Directory.Delete(Path.Combine(dataPath, "index"), recursive: true);

        var restarted = Portal(dataPath);
        Assert.Equal(2, (await SearchPage.GetAsync(restarted.CreateClient(), "托育")).Count);

        var admin = await restarted.SignedInAsync(Roles.Administrator);
        var status = await Html.ParseAsync(await admin.GetStringAsync("/admin/search"));
        Assert.Contains("15 篇", status.QuerySelector("main dl")!.TextContent);
        var rebuilt = await admin.PostFormAsync("/admin/search", "/admin/search/reindex", []);
        Assert.Equal(HttpStatusCode.Redirect, rebuilt.StatusCode);
        Assert.Contains("检索索引已重建，共 15 篇", await admin.GetStringAsync("/admin/search"));

        var output = new StringWriter();
        Assert.Equal(0, await ReindexCommand.RunAsync(restarted.Services, output));
        Assert.Contains("共收录 15 篇", output.ToString());
    }
}
