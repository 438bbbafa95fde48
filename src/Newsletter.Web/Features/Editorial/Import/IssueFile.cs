using System.Globalization;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// An issue uploaded as a file: plain text (.txt, UTF-8 or GBK), Word (.docx) or a printed PDF (.pdf), by its extension.
/// Old Word files (.doc) and anything else are refused, in Chinese.
/// </summary>
public static class IssueFile
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public const string Accept = ".txt,.docx,.pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf";

    public static string TooLarge => $"文件超过 {MaxBytes / 1024 / 1024} MB，不能导入；数据库没有任何改动。一期工作通讯的文本或 Word 文件通常只有几百 KB，"
                                     + "如果 Word 文件里有大图片，请先在 Word 中压缩图片（“图片格式”→“压缩图片”）或删去图片后另存，再导入。";

    /// <summary>The file's text in the line structure <see cref="PlainTextIssueParser"/> reads.</summary>
    public static Outcome<string> ReadText(byte[] bytes, string fileName, CancellationToken ct = default) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".docx" or ".docm" => WordIssueReader.ReadText(bytes, ct),
            ".doc" => Outcome<string>.Invalid(
                $"“{Path.GetFileName(fileName)}”是旧版 Word 文件（.doc），不能直接导入。" + WordIssueReader.SaveAsDocx),
            ".wps" or ".rtf" or ".dot" => Outcome<string>.Invalid(
                $"“{Path.GetFileName(fileName)}”不是 .docx 格式，不能直接导入。" + WordIssueReader.SaveAsDocx),
            ".pdf" => PdfIssueReader.ReadText(bytes, fileName, ct),
            ".txt" or ".text" or "" => TextDecoder.Decode(bytes),
            _ => Outcome<string>.Invalid(
                $"不能导入“{Path.GetFileName(fileName)}”：只能导入 .txt 纯文本、.docx Word 文件或 .pdf 文件。"),
        };

    /// <summary>The issue in the file; from a .docx with its pictures (see <see cref="WordIssueReader.Parse"/>).</summary>
    public static Outcome<ParsedIssue> Parse(byte[] bytes, string fileName, CancellationToken ct = default)
    {
        if (Path.GetExtension(fileName).ToLowerInvariant() is ".docx" or ".docm")
        {
            return WordIssueReader.Parse(bytes, ct);
        }

        var text = ReadText(bytes, fileName, ct);
        if (!text.Succeeded)
        {
            return Outcome<ParsedIssue>.Invalid(text.Errors);
        }

        var parsed = PlainTextIssueParser.Parse(text.Value!);
        if (parsed.Succeeded && Path.GetExtension(fileName).Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            parsed.Value!.OriginalPdf = bytes;
        }

        return parsed;
    }

    /// <summary>
    /// <see cref="Parse"/> off the request, given up after <paramref name="limit"/> with a Chinese message: no file holds
    /// a request (and a processor) for minutes. The reading stops at its next check of the token.
    /// </summary>
    public static async Task<Outcome<ParsedIssue>> ParseAsync(byte[] bytes, string fileName, TimeSpan limit, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            return await Task.Run(() => Parse(bytes, fileName, timeout.Token), timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Outcome<ParsedIssue>.Invalid(
                $"读取文件超过 {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} 秒仍未完成，已停止。"
                + "文件可能已损坏或结构异常：请在 Word 中打开原文件，另存为 .docx 后再导入。");
        }
    }
}
