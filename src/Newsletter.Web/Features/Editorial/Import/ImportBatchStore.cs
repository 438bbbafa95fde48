using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Keeps an uploaded batch between its dry run and its apply, on the server: the files the editor uploaded (never
/// uploaded again, never trusted from the browser) in <c>&lt;DataPath&gt;/import-batches/&lt;id&gt;/</c>, where the id is
/// 128 random bits, with <c>batch.json</c> holding who uploaded it, the dry run and, as it goes, the apply. Another user,
/// or the same one after <see cref="Lifetime"/>, gets nothing (404). Old batches are deleted when a new one is made.
/// </summary>
public sealed partial class ImportBatchStore(DataPaths paths, TimeProvider clock)
{
    /// <summary>How long an editor has between the dry run and the apply, and how long the report stays.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly Lock gate = new();

    private string Root => Path.Combine(paths.Root, "import-batches");

    /// <summary>A new, empty batch of <paramref name="ownerId"/> with its folder; expired batches go first.</summary>
    public ImportBatch Create(string ownerId)
    {
        DeleteExpired();
        var batch = new ImportBatch
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), OwnerId = ownerId, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Directory.CreateDirectory(FolderOf(batch));
        return batch;
    }

    /// <summary>Where the batch's files are kept.</summary>
    public string FolderOf(ImportBatch batch) => Path.Combine(Root, batch.Id);

    /// <summary>The batch and its files gone (the command line's batches, once printed).</summary>
    public void Delete(ImportBatch batch) => Directory.Delete(FolderOf(batch), recursive: true);

    /// <summary>The batch <paramref name="id"/> if <paramref name="ownerId"/> made it and it has not expired.</summary>
    public ImportBatch? Find(string id, string? ownerId)
    {
        if (!IdPattern().IsMatch(id) || ownerId is null)
        {
            return null;
        }

        var file = Path.Combine(Root, id, "batch.json");
        ImportBatch? batch;
        lock (gate)
        {
            batch = File.Exists(file) ? JsonSerializer.Deserialize<ImportBatch>(File.ReadAllText(file), Json) : null;
        }

        return batch is not null && batch.OwnerId == ownerId && !Expired(batch) ? batch : null;
    }

    public void Save(ImportBatch batch)
    {
        var file = Path.Combine(Root, batch.Id, "batch.json");
        lock (gate)
        {
            File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(batch, Json));
            File.Move(file + ".tmp", file, overwrite: true);
        }
    }

    /// <summary>Marks the batch as being applied, once: false when it already was (a second click imports nothing).</summary>
    public bool TryStartApply(ImportBatch batch)
    {
        lock (gate)
        {
            var current = Find(batch.Id, batch.OwnerId);
            if (current is null || current.State != ImportBatchState.Checked)
            {
                return false;
            }

            batch.State = ImportBatchState.Applying;
            Save(batch);
            return true;
        }
    }

    /// <summary>The uploaded files go once applied; the report stays until the batch expires.</summary>
    public static void DeleteFiles(ImportBatch batch)
    {
        foreach (var file in batch.Files.Where(f => f.Path is not null && File.Exists(f.Path)))
        {
            File.Delete(file.Path!);
        }
    }

    private bool Expired(ImportBatch batch) => clock.GetUtcNow().UtcDateTime - batch.CreatedAt > Lifetime;

    private void DeleteExpired()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var file = Path.Combine(folder, "batch.json");
            var expired = File.Exists(file)
                ? Expired(JsonSerializer.Deserialize<ImportBatch>(File.ReadAllText(file), Json)!)
                : DateTime.UtcNow - Directory.GetCreationTimeUtc(folder) > Lifetime; // an upload cut off before its dry run
            if (expired)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
