using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Sections;

/// <summary>A section as the administrator names it: its name, its ASCII name in URLs and what it holds.</summary>
public sealed class SectionForm
{
    [Required(ErrorMessage = "请填写栏目名称。")]
    [StringLength(20, ErrorMessage = "栏目名称不能超过 {1} 个字。")]
    [Display(Name = "栏目名称")]
    public string? Name { get; set; }

    [StringLength(40, ErrorMessage = "网址名不能超过 {1} 个字符。")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "网址名只能用小写英文字母、数字和连字符（-），如 research。")]
    [Display(Name = "网址名（可不填）")]
    public string? Slug { get; set; }

    [Display(Name = "栏目类型")]
    public SectionKind Kind { get; set; }

    public static SectionForm From(Section s) => new() { Name = s.Name, Slug = s.Slug, Kind = s.Kind };
}

/// <summary>The sections page: every section in order, with how many articles each holds, and the form to add one.</summary>
public sealed record SectionsPage(IReadOnlyList<SectionRow> Rows, SectionForm Add);

public sealed record SectionRow(Section Section, int Articles);

/// <summary>One section's edit page.</summary>
public sealed record SectionEditPage(int Id, SectionForm Form);
