namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>Configuration section <c>Import</c>: limits on reading an uploaded issue file.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>How long reading one uploaded file may take before it is refused (a whole issue takes well under a second).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
