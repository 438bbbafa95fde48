namespace Newsletter.Web.Features.Issues.Pdf;

/// <summary>Configuration section <c>Pdf</c>: the headless Chromium that prints an issue's PDF.</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The Chromium (or Chrome) executable; when it is missing the portal offers the print view only.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one Chromium run may take before it is stopped.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
