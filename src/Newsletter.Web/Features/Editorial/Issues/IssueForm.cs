using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Issues;

/// <summary>The masthead and footer of an issue, as an editor fills them in.</summary>
public sealed class IssueForm
{
    [Range(2000, 2100, ErrorMessage = "年份应在 2000 到 2100 之间。")]
    [Display(Name = "年份")]
    public int Year { get; set; }

    [Range(1, 99, ErrorMessage = "期号应在 1 到 99 之间。")]
    [Display(Name = "第N期")]
    public int Number { get; set; }

    [Display(Name = "增刊")]
    public bool IsSupplement { get; set; }

    [Range(1, 99999, ErrorMessage = "总期号应在 1 到 99999 之间。")]
    [Display(Name = "总第M期")]
    public int? SerialNumber { get; set; }

    [Range(1, 12, ErrorMessage = "月份应在 1 到 12 之间。")]
    [Display(Name = "出版月份")]
    public int CoverMonth { get; set; }

    [Display(Name = "印发日期")]
    public DateOnly? PrintDate { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "印数应为正数。")]
    [Display(Name = "印数")]
    public int? Copies { get; set; }

    [StringLength(50, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "总编辑")]
    public string? ChiefEditor { get; set; }

    [StringLength(50, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "编辑")]
    public string? Editor { get; set; }

    [StringLength(50, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "责任编辑")]
    public string? ResponsibleEditor { get; set; }

    [StringLength(1000, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "送")]
    public string? SendTo { get; set; }

    [StringLength(1000, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "发")]
    public string? DistributeTo { get; set; }

    [Display(Name = "阅读范围")]
    public IssueVisibility? Visibility { get; set; }

    public int Version { get; set; }

    public static IssueForm From(Issue i) => new()
    {
        Year = i.Year, Number = i.Number, IsSupplement = i.IsSupplement, SerialNumber = i.SerialNumber,
        CoverMonth = i.CoverMonth, PrintDate = i.PrintDate, Copies = i.Copies, ChiefEditor = i.ChiefEditor,
        Editor = i.Editor, ResponsibleEditor = i.ResponsibleEditor, SendTo = i.SendTo, DistributeTo = i.DistributeTo,
        Visibility = i.Visibility, Version = i.Version,
    };

    public void ApplyTo(Issue i)
    {
        i.Year = Year;
        i.Number = Number;
        i.IsSupplement = IsSupplement;
        i.SerialNumber = IsSupplement ? null : SerialNumber;
        i.CoverMonth = CoverMonth;
        i.PrintDate = PrintDate;
        i.Copies = Copies;
        i.ChiefEditor = Clean(ChiefEditor);
        i.Editor = Clean(Editor);
        i.ResponsibleEditor = Clean(ResponsibleEditor);
        i.SendTo = Clean(SendTo);
        i.DistributeTo = Clean(DistributeTo);
        i.Visibility = Visibility;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a transition form may carry besides the action.</summary>
public sealed class IssueTransitionForm
{
    public IssueAction Action { get; set; }

    public string? Note { get; set; }

    /// <summary>Local China time for 定时发布.</summary>
    public DateTime? ScheduledAt { get; set; }

    /// <summary>保密审查 confirmed by the person publishing.</summary>
    public bool ConfidentialityConfirmed { get; set; }

    /// <summary>发送: e-mail the issue to the 送/发 lists when it is published (the default).</summary>
    public bool SendEmail { get; set; } = true;

    /// <summary>The 错敏词 hits were looked at one by one.</summary>
    public bool HitsReviewed { get; set; }
}
