using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// <c>dotnet run --project src/Newsletter.Web -- import &lt;文件或文件夹&gt;… [--dry-run] [--publish]</c>: imports issues
/// (.txt, .docx, .pdf, .zip of them; a folder means every file in it and its subfolders, in name order) as one batch, through
/// the same reader, importer and duplicate checks as the import page, printing one line per file as it goes. --dry-run
/// reads every file and says what it would become, writing nothing. Without --publish the issues are drafts for an
/// editor to review. Exit code 0 when every file is (or would be) imported, 1 when any is refused, 2 on wrong usage.
/// </summary>
public static class ImportCommand
{
    /// <summary>
    /// Who imports from the command line: whoever may run the portal's process, acting as an editor (no signed-in user);
    /// it is the uploader of the issue's pictures.
    /// </summary>
    public static readonly Actor Actor = new(null, "命令行导入", new HashSet<string> { Roles.Editor });

    public const string Usage = "用法：dotnet run --project src/Newsletter.Web -- import <文件或文件夹>… [--dry-run] [--publish]"
                                + "（文件可以是 .txt、.docx 或装着它们的 .zip）";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (paths.Count == 0)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        bool publish = args.Contains("--publish"), dryRun = args.Contains("--dry-run");
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NewsletterDbContext>().Database.MigrateAsync();
        var store = scope.ServiceProvider.GetRequiredService<ImportBatchStore>();
        var batch = store.Create(Actor.Name);
        try
        {
            var intake = new ImportBatchIntake(store.FolderOf(batch));
            foreach (var path in paths)
            {
                await AddAsync(intake, path);
            }

            var runner = scope.ServiceProvider.GetRequiredService<ImportBatchRunner>();
            var refused = 0;
            async Task Print(ImportBatchLine line)
            {
                refused += line.Kind == ImportBatchLineKind.Refused ? 1 : 0;
                await output.WriteAsync(Text(line, publish));
                await output.FlushAsync();
            }

            if (dryRun)
            {
                await output.WriteLineAsync($"试导入 {intake.Files.Count} 个文件（不写入数据库）：");
                foreach (var line in await runner.DryRunAsync(intake.Files, CancellationToken.None))
                {
                    await Print(line);
                }
            }
            else
            {
                await runner.ApplyAsync(intake.Files, publish, Actor, Print, CancellationToken.None);
            }

            await output.WriteLineAsync($"共 {intake.Files.Count} 个文件：{(dryRun ? "可以导入" : "已导入")} {intake.Files.Count - refused} 个，未导入 {refused} 个。");
            return refused == 0 ? 0 : 1;
        }
        finally
        {
            store.Delete(batch);
        }
    }

    /// <summary>A file, or every file of a folder (subfolders too) in name order; a missing path is a refused line.</summary>
    private static async Task AddAsync(ImportBatchIntake intake, string path)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                await intake.AddAsync(file, new FileInfo(file).Length, () => File.OpenRead(file), CancellationToken.None);
            }
            else
            {
                intake.Files.Add(new ImportBatchFile(file, null, "文件不存在。"));
            }
        }
    }

    private static string Text(ImportBatchLine line, bool publish)
    {
        var text = new StringBuilder();
        text.AppendLine(line.Kind switch
        {
            ImportBatchLineKind.Imported =>
                $"已导入 {line.Label}（{line.Name}，编号 {line.IssueId}，{(publish ? "已发布" : "草稿，待编辑审核后发布")}）。",
            ImportBatchLineKind.WouldImport => $"可以导入 {line.Name}：将导入为{line.Label}。",
            _ => $"未导入 {line.Name}，数据库没有任何改动：",
        });
        foreach (var error in line.Errors)
        {
            text.AppendLine("  错误：" + error);
        }

        foreach (var warning in line.Warnings)
        {
            text.AppendLine("  注意：" + warning);
        }

        return text.ToString();
    }
}
