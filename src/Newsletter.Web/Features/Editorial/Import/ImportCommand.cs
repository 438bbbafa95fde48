using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// <c>dotnet run --project src/Newsletter.Web -- import &lt;file&gt; [--publish]</c>: imports one issue, a .txt or a
/// .docx with its pictures, through the same reader and service the portal uses. Without --publish the issue is stored as
/// a draft for an editor to review. Exit code 0 when imported, 1 when refused, 2 on wrong usage.
/// </summary>
public static class ImportCommand
{
    /// <summary>
    /// Who imports from the command line: whoever may run the portal's process, acting as an editor (no signed-in user);
    /// it is the uploader of the issue's pictures.
    /// </summary>
    public static readonly Actor Actor = new(null, "命令行导入", new HashSet<string> { Roles.Editor });

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            await output.WriteLineAsync("用法：dotnet run --project src/Newsletter.Web -- import <文件.txt 或 文件.docx> [--publish]");
            return 2;
        }

        var publish = args.Contains("--publish");
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NewsletterDbContext>().Database.MigrateAsync();
        var importer = scope.ServiceProvider.GetRequiredService<IssueImporter>();
        var failed = 0;
        foreach (var file in files)
        {
            failed += await ImportOneAsync(importer, file, publish, output) ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<bool> ImportOneAsync(IssueImporter importer, string file, bool publish, TextWriter output)
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"未导入 {file}：文件不存在。");
            return false;
        }

        var parsed = IssueFile.Parse(await File.ReadAllBytesAsync(file), file);
        var outcome = await importer.ImportParsedAsync(parsed, file, publish, Actor);
        var text = new StringBuilder();
        if (outcome.Succeeded)
        {
            text.AppendLine($"已导入 {outcome.Value!.Label}（编号 {outcome.Value.Id}，{(publish ? "已发布" : "草稿，待编辑审核后发布")}）。");
        }
        else
        {
            text.AppendLine($"未导入 {Path.GetFileName(file)}，数据库没有任何改动：");
        }

        foreach (var line in outcome.Errors)
        {
            text.AppendLine("  错误：" + line);
        }

        foreach (var line in outcome.Value?.Warnings ?? [])
        {
            text.AppendLine("  注意：" + line);
        }

        await output.WriteAsync(text.ToString());
        return outcome.Succeeded;
    }
}
