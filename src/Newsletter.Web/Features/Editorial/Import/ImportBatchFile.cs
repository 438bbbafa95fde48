namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// One file of a batch as it was received: its name as the editor knows it (a .zip's entries as 压缩包/路径), where its
/// bytes are kept (null when it was refused on arrival) and why it was refused on arrival (empty, too large, …).
/// </summary>
public sealed record ImportBatchFile(string Name, string? Path, string? Refusal = null);

/// <summary>What became, or would become, of one file of a batch: the line of its report.</summary>
public sealed record ImportBatchLine(
    string Name, ImportBatchLineKind Kind, string? Label, int? IssueId, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public static ImportBatchLine Refused(string name, params IEnumerable<string> errors) =>
        new(name, ImportBatchLineKind.Refused, null, null, [.. errors], []);
}

/// <summary>The outcome of one file in a batch's dry run or apply.</summary>
public enum ImportBatchLineKind
{
    WouldImport,
    Imported,
    Refused,
}
