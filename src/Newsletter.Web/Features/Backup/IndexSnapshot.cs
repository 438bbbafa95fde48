using Lucene.Net.Index;
using Lucene.Net.Store;
using Newsletter.Web.Features.Search;

namespace Newsletter.Web.Features.Backup;

/// <summary>
/// Copies the latest commit of a Lucene index that a running portal may be writing to, without its write lock:
/// a reader names the commit's files (each written once, never changed), and exactly those are copied. If the
/// writer commits again and deletes one of them mid-copy, the copy starts over from the newer commit.
/// </summary>
public static class IndexSnapshot
{
    private const int Attempts = 10;

    /// <summary>Copies into <paramref name="target"/>; returns the commit's outbox position, or null when there is no index.</summary>
    public static long? Copy(string source, string target) => Copy(source, target, afterListing: null);

    /// <param name="afterListing">Runs between naming a commit's files and copying them (tests commit there).</param>
    internal static long? Copy(string source, string target, Action? afterListing)
    {
        if (!System.IO.Directory.Exists(source))
        {
            return null;
        }

        using var directory = FSDirectory.Open(source);
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return CopyLatest(directory, source, target, afterListing);
            }
            catch (IOException) when (attempt < Attempts)
            {
                // A newer commit removed a file we were copying: start again from that commit.
                System.IO.Directory.Delete(target, recursive: true);
            }
        }
    }

    private static long CopyLatest(FSDirectory directory, string source, string target, Action? afterListing)
    {
        System.IO.Directory.CreateDirectory(target);
        using (var reader = DirectoryReader.Open(directory))
        {
            var names = reader.IndexCommit.FileNames.ToList();
            afterListing?.Invoke();
            foreach (var name in names)
            {
                File.Copy(Path.Combine(source, name), Path.Combine(target, name));
            }
        }

        // The copy must open as an index on its own.
        using var copied = FSDirectory.Open(target);
        using var check = DirectoryReader.Open(copied);
        return check.IndexCommit.UserData.TryGetValue(LuceneSearchIndex.PositionKey, out var position) ? long.Parse(position, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// True when another process has the index open for writing, i.e. a portal is running on this data folder.
    /// Lucene.NET's own lock does not see other processes on Linux (its writer holds only a shared flock on
    /// write.lock), so this asks for an exclusive one, which .NET takes for <see cref="FileShare.None"/>.
    /// </summary>
    public static bool IsInUse(string folder)
    {
        var lockFile = Path.Combine(folder, IndexWriter.WRITE_LOCK_NAME);
        if (!File.Exists(lockFile))
        {
            return false;
        }

        try
        {
            using var _ = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
