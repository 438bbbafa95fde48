namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>Configuration section <c>Seed</c>: where the issues loaded at start-up come from.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Folder of issue text files; empty means the repository's <c>seeds/</c>, found upward from the app.</summary>
    public string? IssuesPath { get; set; }

    /// <summary>Import at start-up every file in the folder that is not yet in the database.</summary>
    public bool ImportOnStart { get; set; } = true;

    /// <summary>E-mail (and sign-in name) of the first administrator, created when none exists.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Its password; empty means one is generated and written once to the log.</summary>
    public string? AdminPassword { get; set; }

    public string? ResolveIssuesPath(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(IssuesPath))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, IssuesPath));
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
