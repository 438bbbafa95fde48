namespace Newsletter.Web.Infrastructure;

/// <summary>
/// The one folder that holds all of the portal's state: the SQLite file, logs, and later the
/// search index and mail pickup folder. Configuration key <c>DataPath</c>.
/// </summary>
public sealed class DataPaths
{
    public DataPaths(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string SqliteFile => Path.Combine(Root, "newsletter.db");

    public string LogFile => Path.Combine(Root, "logs", "portal-.log");

    /// <summary>Where mail goes as .eml files when no SMTP server is configured.</summary>
    public string MailFolder => Path.Combine(Root, "mail");

    /// <summary>This node's Lucene index.</summary>
    public string IndexFolder => Path.Combine(Root, "index");

    public string PdfFolder => Path.Combine(Root, "pdf");

    /// <summary>Uploaded pictures and attachments, one folder per SHA-256 (media/ab/abcd…/w800.jpg).</summary>
    public string MediaFolder => Path.Combine(Root, "media");

    public static DataPaths FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["DataPath"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(contentRoot, "App_Data")
            : Path.Combine(contentRoot, configured);
        return new DataPaths(root);
    }
}
