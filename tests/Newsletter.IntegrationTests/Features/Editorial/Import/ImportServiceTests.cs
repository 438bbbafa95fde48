using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.UnitTests;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Editorial.Import;

namespace Newsletter.IntegrationTests.Features.Editorial.Import;

/// <summary>The importer against a real database: all or nothing, no duplicates, drafts stay unpublished.</summary>
public sealed class ImportServiceTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static byte[] Issue66 => Encoding.UTF8.GetBytes(SeedFiles.Issue65Text
        .Replace("第2期(总第65期)", "第3期(总第66期)")
        .Replace("2023年5月\n", "2023年6月\n")
        .Replace("2023年5月6日印发", "2023年6月8日印发"));

    private Task<(int Issues, int Articles, int Sections)> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.Issues.CountAsync(), await db.Articles.CountAsync(), await db.Sections.CountAsync()));

    private async Task<Outcome<ImportedIssue>> ImportAsync(byte[] bytes, bool publish)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IssueImporter>().ImportAsync(bytes, "test.txt", publish);
    }

    [Fact]
    public async Task Seed_is_imported_once_at_start_up()
    {
        Assert.Equal((1, 15, 6), await CountsAsync());
        var issue = await portal.WithDbAsync(db => db.Issues.SingleAsync());
        Assert.Equal(IssueStatus.Published, issue.Status);
        Assert.Equal("000_868693d8ea32dedc.txt", issue.SourceFile);
    }

    [Fact]
    public async Task Importing_the_seed_again_is_refused_and_changes_nothing()
    {
        var before = await CountsAsync();
        var outcome = await ImportAsync(SeedFiles.Issue65Bytes, publish: true);
        Assert.False(outcome.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Contains(outcome.Errors, e => e.Contains("总第65期已经在库中"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Same_year_and_number_with_another_serial_is_also_a_duplicate()
    {
        var clash = Encoding.UTF8.GetBytes(SeedFiles.Issue65Text.Replace("第2期(总第65期)", "第2期(总第99期)"));
        var outcome = await ImportAsync(clash, publish: false);
        Assert.Contains(outcome.Errors, e => e.Contains("2023年第2期已经在库中"));
        Assert.Equal((1, 15, 6), await CountsAsync());
    }

    [Fact]
    public async Task Bad_files_write_nothing()
    {
        var before = await CountsAsync();
        var half = Encoding.UTF8.GetBytes(SeedFiles.Issue65Text[..(SeedFiles.Issue65Text.Length / 2)].Replace("第2期(总第65期)", "第3期(总第66期)"));
        foreach (var bytes in new[] { Array.Empty<byte>(), new byte[] { 0, 1, 2, 3, 255 }, Encoding.UTF8.GetBytes("没有目录的文字。"), half })
        {
            var outcome = await ImportAsync(bytes, publish: true);
            Assert.False(outcome.Succeeded);
            Assert.NotEmpty(outcome.Errors);
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_draft_import_stays_off_the_site_until_published()
    {
        var outcome = await ImportAsync(Issue66, publish: false);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        Assert.Equal("2023年第3期(总第66期)", outcome.Value!.Label);
        Assert.Equal((2, 30, 6), await CountsAsync());

        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/issues/2023/3")).StatusCode);
        Assert.Contains("第2期(总第65期)", await client.GetStringAsync("/"));
        var draftArticle = await portal.WithDbAsync(db => db.Articles.FirstAsync(a => a.Issue!.SerialNumber == 66));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{draftArticle.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_published_import_becomes_the_latest_issue()
    {
        var outcome = await ImportAsync(Issue66, publish: true);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Errors));
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/issues/2023/3")).StatusCode);
        var home = await Html.ParseAsync(await client.GetStringAsync("/"));
        Assert.Equal("第3期(总第66期)", home.QuerySelector(".masthead-number")!.TextContent);
        Assert.Contains(home.QuerySelectorAll("aside a"), a => a.TextContent == "2023年第2期(总第65期)");
    }

    [Fact]
    public async Task Restarting_on_the_same_data_folder_does_not_import_the_seed_twice()
    {
        _ = portal.Services;
        portal.Stop();
        using var again = new PortalFactory { DataPath = portal.DataPath, DeleteDataOnDispose = false };
        Assert.Equal(1, await again.WithDbAsync(db => db.Issues.CountAsync()));
        Assert.Equal(15, await again.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Command_line_verb_imports_as_draft_and_refuses_duplicates()
    {
        _ = portal.Services;
        var file = Path.Combine(portal.DataPath, "issue66.txt");
        await File.WriteAllBytesAsync(file, Issue66);
        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(portal.Services, [file], output));
        Assert.Contains("已导入 2023年第3期(总第66期)", output.ToString());
        Assert.Contains("草稿", output.ToString());
        Assert.Contains("注意：目录中的标题《姚璇到广西调研计生协工作》", output.ToString());

        output = new StringWriter();
        Assert.Equal(1, await ImportCommand.RunAsync(portal.Services, [SeedFiles.Issue65Path], output));
        Assert.Contains("未导入 000_868693d8ea32dedc.txt，数据库没有任何改动", output.ToString());
        Assert.Contains("总第65期已经在库中", output.ToString());

        output = new StringWriter();
        Assert.Equal(2, await ImportCommand.RunAsync(portal.Services, [], output));
        Assert.Contains("用法", output.ToString());
        Assert.Equal((2, 30, 6), await CountsAsync());
    }
}
