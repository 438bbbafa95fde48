namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>A batch of issue files uploaded together: its files, its dry run and, once applied, what became of each file.</summary>
public sealed class ImportBatch
{
    public required string Id { get; init; }

    public required string OwnerId { get; init; }

    public DateTime CreatedAt { get; init; }

    public ImportBatchState State { get; set; }

    public List<ImportBatchFile> Files { get; init; } = [];

    public List<ImportBatchLine> DryRun { get; init; } = [];

    /// <summary>Filled file by file while the batch is applied, so the report page shows the progress.</summary>
    public List<ImportBatchLine> Applied { get; init; } = [];
}

/// <summary>Checked: dry run shown, nothing written. Applying: in the background, file by file. Done: every file has its line.</summary>
public enum ImportBatchState
{
    Checked,
    Applying,
    Done,
}
