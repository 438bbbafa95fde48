using System.Globalization;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Articles;

/// <summary>How an attachment is named to readers: its kind from the extension (PDF 文档) and its size (1.2 MB, 356 KB).</summary>
public static class AttachmentFormat
{
    public static string TypeLabel(string? extension) => (extension ?? "").ToLowerInvariant() switch
    {
        ".pdf" => "PDF 文档",
        ".doc" or ".docx" => "Word 文档",
        ".xls" or ".xlsx" => "Excel 表格",
        ".zip" => "ZIP 压缩包",
        "" => "文件",
        var other => other.TrimStart('.').ToUpperInvariant() + " 文件",
    };

    /// <summary>Megabytes with one decimal from 1 MB up, whole kilobytes (rounded up) below.</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : bytes > 0 ? ((bytes + 1023) / 1024).ToString(CultureInfo.InvariantCulture) + " KB"
        : "0 KB";

    public static string TypeLabel(MediaFile file) => TypeLabel(string.IsNullOrEmpty(file.Extension) ? Path.GetExtension(file.OriginalName) : file.Extension);
}
