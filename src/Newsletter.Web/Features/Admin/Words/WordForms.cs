using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Words;

public sealed class WordForm
{
    [Required(ErrorMessage = "请填写错敏词。")]
    [StringLength(WordLines.MaxLength, ErrorMessage = "错敏词不能超过 50 个字。")]
    [Display(Name = "错敏词")]
    public string Word { get; set; } = "";

    [StringLength(WordLines.MaxLength, ErrorMessage = "建议改为不能超过 50 个字。")]
    [Display(Name = "建议改为（可不填）")]
    public string? Suggestion { get; set; }
}

public sealed class BulkWordsForm
{
    [Required(ErrorMessage = "请填写要添加的词，每行一个。")]
    [Display(Name = "批量添加（每行一个，可写成“错词=建议”）")]
    public string Lines { get; set; } = "";
}

/// <summary>The word list with both forms; their fields are prefixed <c>Add.</c> and <c>Bulk.</c>.</summary>
public sealed record WordsPage(IReadOnlyList<SensitiveWord> Words, WordForm Add, BulkWordsForm Bulk);

/// <summary>Reads the bulk textarea: one word a line, optionally "错词=建议" (half- or full-width =).</summary>
public static class WordLines
{
    public const int MaxLength = 50;

    public static (List<(string Word, string? Suggestion)> Words, List<string> TooLong) Parse(string text)
    {
        var words = new List<(string, string?)>();
        var tooLong = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(['=', '＝'], 2, StringSplitOptions.TrimEntries);
            var word = parts[0];
            var suggestion = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            if (word.Length == 0)
            {
                continue;
            }

            if (word.Length > MaxLength || suggestion?.Length > MaxLength)
            {
                tooLong.Add(word);
                continue;
            }

            words.Add((word, suggestion));
        }

        return (words, tooLong);
    }
}
