using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Newsletter.IntegrationTests.Features.Editorial;
using Newsletter.IntegrationTests.Features.Editorial.Articles;
using Newsletter.IntegrationTests.Features.Editorial.Issues;
using Newsletter.Web.Domain;
using static Newsletter.IntegrationTests.Features.Admin.Organizations.OrganizationPages;

namespace Newsletter.IntegrationTests.Features.Admin.Organizations;

/// <summary>
/// A long 单位名单: a chain of 1,600 organisations (each below the one on the next line, so every parent comes after its
/// children) and a branch of 60 below a line in error. The preview answers in seconds, the import stores every
/// organisation below its parent, and an editor who saves while the import writes is not turned away.
/// </summary>
public sealed class OrganizationsCsvScaleTests : IDisposable
{
    private const int Chain = 1600;
    private const int Branch = 60;

    private readonly SaveDuringImport editorSave = new();
    private readonly PortalFactory portal;

    public OrganizationsCsvScaleTests() => portal = new PortalFactory { DbInterceptors = [editorSave] };

    public void Dispose() => portal.Dispose();

    /// <summary>单位0 … 单位1599 (单位i below 单位(i-1)), children first; then 分支1 … 分支60 below 坏单位, whose 类型 is wrong.</summary>
    private static byte[] File()
    {
        var lines = new List<string> { "名称,类型,上级单位" };
        lines.AddRange(Enumerable.Range(0, Chain).Reverse().Select(i => $"单位{i},机关及其他,{(i == 0 ? "" : $"单位{i - 1}")}"));
        lines.AddRange(Enumerable.Range(1, Branch).Reverse().Select(i => $"分支{i},机关及其他,{(i == 1 ? "坏单位" : $"分支{i - 1}")}"));
        lines.Add("坏单位,乡,");
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
    }

    /// <summary>
    /// Before, each line skipped below 坏单位 cost another pass over the file, each pass walking the whole chain: about a minute
    /// here, and tens of gigabytes allocated. The work is measured in bytes the process allocates while it previews, not in
    /// seconds: the planner itself needs a few megabytes, the page a few more.
    /// </summary>
    [Fact]
    public async Task A_chain_of_1600_listed_children_first_is_previewed_with_bounded_work_and_imported_below_their_parents()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (response, preview) = await admin.UploadAsync(File());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(preview);
        Assert.Equal(Chain, rows.Count(r => r.Outcome == "新增"));
        Assert.Equal(Branch + 1, rows.Count(r => r.Outcome == "错误"));
        Assert.Contains(new PreviewRow(2, "单位1599", "新增", "类型：机关及其他；上级单位：单位1598"), rows);
        Assert.Contains(new PreviewRow(Chain + 1, "单位0", "新增", "类型：机关及其他"), rows);
        Assert.Contains(new PreviewRow(Chain + Branch + 1, "分支1", "错误", $"上级单位“坏单位”所在的第{Chain + Branch + 2}行有错误。"), rows);
        Assert.True(allocated < 2_000_000_000, $"The preview allocated {allocated / 1_000_000:N0} MB.");

        var (applied, done) = await admin.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains($"已导入：新增 {Chain} 个，修改 0 个，不变 0 个。", MainText(done));
        await AssertChainStoredAsync();
    }

    /// <summary>
    /// The import's write transaction used to hold SQLite's write lock while it planned the whole file again (about a minute
    /// here, 94 s on the reported server); an editor's save waits for that lock at most 30 s, then failed with 500 "database
    /// is locked". The editor saves the moment the import's transaction begins; the save must succeed.
    /// </summary>
    [Fact]
    public async Task An_editor_who_saves_while_the_import_writes_is_not_turned_away()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var editor = await portal.SignedInAsync(Roles.Editor);
        var (_, preview) = await admin.UploadAsync(File());

        editorSave.Next = () => editor.WriteArticleAsync("导入单位时保存的稿件", "单位名单导入期间，编辑保存了这篇稿件。");
        var (applied, done) = await admin.ApplyAsync(preview);

        Assert.Null(editorSave.Next);
        var articleId = await editorSave.Running!; // the editor's save got 302 to the new article, not 500
        Assert.Equal("导入单位时保存的稿件", await portal.ArticleAsync(articleId, a => a.Title));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains($"已导入：新增 {Chain} 个", MainText(done));
        await AssertChainStoredAsync();
    }

    private async Task AssertChainStoredAsync()
    {
        var parents = await portal.WithDbAsync(db => db.Organizations.AsNoTracking()
            .Select(o => new { o.Name, Parent = o.Parent == null ? null : o.Parent.Name }).ToDictionaryAsync(o => o.Name, o => o.Parent));
        Assert.Equal(Chain, parents.Count);
        Assert.All(Enumerable.Range(0, Chain), i => Assert.Equal(i == 0 ? null : $"单位{i - 1}", parents[$"单位{i}"]));
    }

    /// <summary>Starts <see cref="Next"/> once, as a second person's request, the moment the portal's next transaction has begun.</summary>
    private sealed class SaveDuringImport : DbTransactionInterceptor
    {
        public Func<Task<int>>? Next;

        public Task<int>? Running;

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref Next, null) is { } save)
            {
                Running = Task.Run(save, CancellationToken.None);
            }

            return ValueTask.FromResult(result);
        }
    }
}
