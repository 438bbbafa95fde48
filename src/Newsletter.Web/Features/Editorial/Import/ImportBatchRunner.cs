using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Runs a batch file by file through the one importer (<see cref="IssueImporter"/>): a dry run reads each file and says
/// what it would become, writing nothing; an apply imports each file on its own (one failing does not stop the others).
/// Both refuse a file whose 期号 (year, 增刊 or not, number) or 总第N期 is already in the database or comes earlier in the
/// batch, with the same words.
/// </summary>
public sealed class ImportBatchRunner(IssueImporter importer)
{
    public async Task<List<ImportBatchLine>> DryRunAsync(IReadOnlyList<ImportBatchFile> files, CancellationToken ct)
    {
        var earlier = new Earlier();
        var lines = new List<ImportBatchLine>();
        foreach (var file in files)
        {
            lines.Add(await CheckAsync(file, earlier, ct) switch
            {
                (null, var source) => new ImportBatchLine(file.Name, ImportBatchLineKind.WouldImport, LabelOf(source!), null, [], source!.Warnings),
                var (refused, _) => refused,
            });
        }

        return lines;
    }

    /// <summary>Imports each file in turn and hands its line to <paramref name="done"/> as soon as it is known.</summary>
    public async Task ApplyAsync(
        IReadOnlyList<ImportBatchFile> files, bool publish, Actor actor, Func<ImportBatchLine, Task> done, CancellationToken ct)
    {
        var earlier = new Earlier();
        foreach (var file in files)
        {
            var (refused, source) = await CheckAsync(file, earlier, ct, againstDatabase: false);
            if (refused is not null)
            {
                await done(refused);
                continue;
            }

            var outcome = await importer.ImportParsedAsync(Outcome.Ok(source!), file.Name, publish, actor, ct);
            await done(outcome.Succeeded
                ? new ImportBatchLine(file.Name, ImportBatchLineKind.Imported, outcome.Value!.Label, outcome.Value.Id, [], outcome.Value.Warnings)
                : ImportBatchLine.Refused(file.Name, outcome.Errors));
        }
    }

    /// <summary>The issue's label as its page shows it: 2019年第3期(总第41期).</summary>
    public static string LabelOf(ParsedIssue source) =>
        new Issue { Year = source.Year, Number = source.Number, IsSupplement = source.IsSupplement, SerialNumber = source.SerialNumber }.FullLabel;

    /// <summary>The file read, or the line that refuses it; an apply leaves the database check to the importer.</summary>
    private async Task<(ImportBatchLine? Refused, ParsedIssue? Source)> CheckAsync(
        ImportBatchFile file, Earlier earlier, CancellationToken ct, bool againstDatabase = true)
    {
        if (file.Refusal is not null || file.Path is null)
        {
            return (ImportBatchLine.Refused(file.Name, file.Refusal ?? "文件没有收到。"), null);
        }

        var parsed = await importer.ReadAsync(await File.ReadAllBytesAsync(file.Path, ct), file.Name, ct);
        if (!parsed.Succeeded)
        {
            return (ImportBatchLine.Refused(file.Name, parsed.Errors), null);
        }

        var source = parsed.Value!;
        if (earlier.Clash(source, file.Name) is { } inBatch)
        {
            return (ImportBatchLine.Refused(file.Name, inBatch), null);
        }

        if (againstDatabase && await importer.StoredDuplicateAsync(source, ct) is { } stored)
        {
            return (ImportBatchLine.Refused(file.Name, stored), null);
        }

        return (null, source);
    }

    /// <summary>The 期号 and 总第N期 of the files read so far in this batch.</summary>
    private sealed class Earlier
    {
        private readonly Dictionary<(int, bool, int), string> numbers = [];
        private readonly Dictionary<int, string> serials = [];

        public string? Clash(ParsedIssue source, string name)
        {
            var number = (source.Year, source.IsSupplement, source.Number);
            var label = LabelOf(source);
            if (source.SerialNumber is { } serial && serials.TryGetValue(serial, out var bySerial))
            {
                return $"总第{serial}期与本批中前面的“{bySerial}”重复，不能重复导入。";
            }

            if (numbers.TryGetValue(number, out var byNumber))
            {
                return $"{source.Year}年{(source.IsSupplement ? "增刊" : "")}第{source.Number}期与本批中前面的“{byNumber}”重复（{label}），不能重复导入。";
            }

            numbers[number] = name;
            if (source.SerialNumber is { } added)
            {
                serials[added] = name;
            }

            return null;
        }
    }
}
