using Newsletter.Web.Infrastructure;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>The upload form, with why the last file was refused.</summary>
public sealed record ImportUploadPage(string? Error);

public sealed record ImportPreviewPage(string FileName, ImportPlan Plan, string Payload);

/// <summary>A CSV over <see cref="OrganizationCsvService.MaxUploadBytes"/>: the upload page with the message.</summary>
public sealed class CsvUploadSizeLimitAttribute() : UploadSizeLimitAttribute(OrganizationCsvService.MaxUploadBytes)
{
    public const long MaxRequestBytes = OrganizationCsvService.MaxUploadBytes + FormOverheadBytes;

    public static string TooLarge(long? bytes) =>
        (bytes is { } b ? $"文件太大（{b / 1024.0 / 1024.0:0.0} MB），" : "文件太大，") + "不能超过 2 MB。请分成几个文件导入。";

    protected override (string View, object Model) Refusal => ("Import", new ImportUploadPage(TooLarge(null)));
}
