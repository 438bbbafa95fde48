namespace Newsletter.Web.Features.Issues;

/// <summary>
/// Turns a self-contained print page (HTML that uses print.css and Paged.js by relative path) into a PDF file,
/// cached under a key: the same key is printed once, later calls get the stored file.
/// </summary>
public interface IPdfGenerator
{
    /// <summary>False when the PDF cannot be made on this server (no Chromium); <see cref="UnavailableReason"/> says why.</summary>
    bool IsAvailable { get; }

    /// <summary>A short Chinese note for readers, or null when PDFs can be made.</summary>
    string? UnavailableReason { get; }

    /// <summary>The stored PDF for <paramref name="key"/>, printing it from <paramref name="html"/> when there is none yet.</summary>
    /// <param name="key">File-name-safe cache key; any change to the content must give a new key.</param>
    /// <param name="group">Older files of the same group (e.g. earlier versions of one issue) are removed once the new one is stored.</param>
    /// <exception cref="PdfUnavailableException">Chromium is missing, failed, or took too long.</exception>
    Task<string> GetOrCreateAsync(string key, string group, string html, CancellationToken ct);
}

/// <summary>The PDF could not be made; the message is Chinese and may be shown to readers.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
