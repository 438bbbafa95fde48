using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;

namespace Newsletter.Web.Features.Search;

/// <summary><c>dotnet run --project src/Newsletter.Web -- reindex</c>: rebuilds this node's search index from the database.</summary>
public static class ReindexCommand
{
    public const string InUse = "检索索引正被运行中的门户使用。请在“管理 → 检索索引”页面点“重建索引”，或先停止门户再运行。";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NewsletterDbContext>().Database.MigrateAsync();
        try
        {
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync();
            await output.WriteLineAsync($"检索索引已重建，共收录 {count} 篇已发布的文章和简讯。");
            return 0;
        }
        catch (LockObtainFailedException)
        {
            await output.WriteLineAsync(InUse);
            return 1;
        }
    }
}
