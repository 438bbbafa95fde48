namespace Newsletter.Web.Features.Backup;

/// <summary>
/// Copies the media folders (media/ab/abcd…/) that the backed-up database's rows name, whole: every variant of a
/// picture, every attachment. Folders no row names are left out (an upload still between its files and its row, or
/// an orphan <c>media verify</c> reports), and so are half-written <c>.tmp</c> files.
/// </summary>
public static class MediaCopy
{
    public sealed record Result(int Files, IReadOnlyList<string> Missing);

    public static Result Copy(string source, string target, IReadOnlySet<string> hashes)
    {
        var files = 0;
        var missing = new List<string>();
        foreach (var sha in hashes.Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine(sha[..2], sha);
            var from = Path.Combine(source, relative);
            if (!Directory.Exists(from))
            {
                missing.Add(sha);
                continue;
            }

            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
            {
                try
                {
                    File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
                    files++;
                }
                catch (FileNotFoundException)
                {
                    // Freed after the database copy was taken: its row is in the copy, so it is reported as missing.
                    missing.Add(sha);
                }
            }
        }

        return new Result(files, missing);
    }
}
