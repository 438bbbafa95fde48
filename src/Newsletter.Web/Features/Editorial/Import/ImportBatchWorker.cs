using System.Threading.Channels;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Applies batches in the background, one at a time, so a long batch does not hold a request: after each file the
/// batch's report is saved, and its page (which refreshes itself while the batch is applied) shows how far it got.
/// A batch cut off by a restart stays 正在导入 with the files done so far imported; the rest can be uploaded again.
/// </summary>
public sealed class ImportBatchWorker(IServiceScopeFactory scopes, ImportBatchStore store, ILogger<ImportBatchWorker> logger) : BackgroundService
{
    private readonly Channel<(ImportBatch Batch, Actor Actor)> queue = Channel.CreateUnbounded<(ImportBatch, Actor)>();

    /// <summary>Queues a batch that <see cref="ImportBatchStore.TryStartApply"/> has just marked as being applied.</summary>
    public void Enqueue(ImportBatch batch, Actor actor) => queue.Writer.TryWrite((batch, actor));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (batch, actor) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ApplyAsync(batch, actor, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Import batch {Batch} stopped", batch.Id);
                batch.Applied.AddRange(batch.Files.Skip(batch.Applied.Count).Select(f => ImportBatchLine.Refused(
                    f.Name, "导入过程中出现系统错误，这个文件没有导入（此前的文件已导入）；请稍后重新上传没有导入的文件。")));
                batch.State = ImportBatchState.Done;
                ImportBatchStore.DeleteFiles(batch);
                store.Save(batch);
            }
        }
    }

    private async Task ApplyAsync(ImportBatch batch, Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportBatchRunner>();
        await runner.ApplyAsync(batch.Files, publish: false, actor, line =>
        {
            batch.Applied.Add(line);
            store.Save(batch);
            return Task.CompletedTask;
        }, ct);
        batch.State = ImportBatchState.Done;
        ImportBatchStore.DeleteFiles(batch);
        store.Save(batch);
        logger.LogInformation("Import batch {Batch}: {Imported} of {Files} files imported",
            batch.Id, batch.Applied.Count(l => l.Kind == ImportBatchLineKind.Imported), batch.Files.Count);
    }
}
