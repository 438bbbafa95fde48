using System.Text;
using Newsletter.Web.Features.Backup;
using Newsletter.Web.Features.Editorial.Import;
using Newsletter.Web.Features.Search;

namespace Newsletter.Web.Infrastructure;

/// <summary>
/// The command-line verbs, run on the built host instead of the web server:
/// <c>import &lt;file or folder&gt;… [--dry-run] [--publish]</c> (.txt, .docx, .zip; see <see cref="ImportCommand"/>),
/// <c>reindex</c>, <c>backup …</c> and <c>restore …</c>.
/// Each prints in UTF-8 and ends the process with its exit code.
/// </summary>
public static class CliVerbs
{
    /// <summary>The verb's exit code, or null when <paramref name="args"/> name no verb and the portal should start.</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        // media verify [--delete-orphans]: rows without files, folders without rows.
        if (args is ["media", .. var mediaArgs])
        {
            Console.OutputEncoding = Encoding.UTF8;
            return await Features.Media.MediaVerifyCommand.RunAsync(app.Services, mediaArgs, Console.Out);
        }

        if (args is not [("import" or "reindex" or "backup" or "restore") and var verb, .. var rest])
        {
            return null;
        }

        Console.OutputEncoding = Encoding.UTF8;
        return verb switch
        {
            "import" => await ImportCommand.RunAsync(app.Services, rest, Console.Out),
            "reindex" => await ReindexAsync(app.Services),
            "backup" => await BackupCommand.RunAsync(app.Services, rest, Console.Out),
            _ => await RestoreCommand.RunAsync(app.Services, rest, Console.Out),
        };
    }

    private static async Task<int> ReindexAsync(IServiceProvider services)
    {
        // Lucene's write.lock does not keep a second process out on Linux (the writer holds it shared): ask for it exclusively first.
        if (IndexSnapshot.IsInUse(services.GetRequiredService<DataPaths>().IndexFolder))
        {
            Console.Out.WriteLine(ReindexCommand.InUse);
            return 1;
        }

        return await ReindexCommand.RunAsync(services, Console.Out);
    }
}
