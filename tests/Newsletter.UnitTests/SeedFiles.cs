namespace Newsletter.UnitTests;

/// <summary>Finds the repository's seeds/ folder, which holds the real issue 总第65期.</summary>
public static class SeedFiles
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Newsletter.sln")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Issue65Path => Path.Combine(Folder, "000_868693d8ea32dedc.txt");

    public static byte[] Issue65Bytes => File.ReadAllBytes(Issue65Path);

    public static string Issue65Text => File.ReadAllText(Issue65Path);
}
