using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Publication;

/// <summary>刊物设置 as the administrator fills it in; lengths follow the columns (PublicationConfiguration).</summary>
public sealed class PublicationForm : IValidatableObject
{
    [Required(ErrorMessage = "请填写刊名。")]
    [StringLength(50, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "刊名")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "请填写编印单位。")]
    [StringLength(100, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "编印单位")]
    public string? IssuingBody { get; set; }

    [StringLength(100, ErrorMessage = "主办单位不能超过 {1} 个字。")]
    [Display(Name = "主办单位（与编印单位不同时填写，印在报头）")]
    public string? Sponsor { get; set; }

    [Display(Name = "印“内部资料”字样")]
    public bool MarkAsInternalMaterial { get; set; }

    [StringLength(50, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "内部资料字样")]
    public string? InternalMaterialLine { get; set; }

    [StringLength(50, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "准印证号")]
    public string? PrintPermitNumber { get; set; }

    [Display(Name = "往期默认仅会员可读（各期可单独设置）")]
    public bool MembersOnlyByDefault { get; set; }

    [StringLength(1000, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "报尾“送”的固定写法")]
    public string? DefaultSendTo { get; set; }

    [StringLength(1000, ErrorMessage = "{0}不能超过 {1} 个字。")]
    [Display(Name = "报尾“发”的固定写法")]
    public string? DefaultDistributeTo { get; set; }

    public static PublicationForm From(Domain.Publication p) => new()
    {
        Name = p.Name, IssuingBody = p.IssuingBody, Sponsor = p.Sponsor, MarkAsInternalMaterial = p.MarkAsInternalMaterial,
        InternalMaterialLine = p.InternalMaterialLine, PrintPermitNumber = p.PrintPermitNumber,
        MembersOnlyByDefault = p.DefaultVisibility == IssueVisibility.MembersOnly,
        DefaultSendTo = p.DefaultSendTo, DefaultDistributeTo = p.DefaultDistributeTo,
    };

    public void ApplyTo(Domain.Publication p)
    {
        p.Name = Name!.Trim();
        p.IssuingBody = IssuingBody!.Trim();
        p.Sponsor = Clean(Sponsor);
        p.MarkAsInternalMaterial = MarkAsInternalMaterial;
        p.InternalMaterialLine = Clean(InternalMaterialLine) ?? p.InternalMaterialLine;
        p.PrintPermitNumber = Clean(PrintPermitNumber);
        p.DefaultVisibility = MembersOnlyByDefault ? IssueVisibility.MembersOnly : IssueVisibility.Public;
        p.DefaultSendTo = Clean(DefaultSendTo);
        p.DefaultDistributeTo = Clean(DefaultDistributeTo);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MarkAsInternalMaterial && string.IsNullOrWhiteSpace(InternalMaterialLine))
        {
            yield return new ValidationResult("要印“内部资料”字样，请填写它的写法，如“内部资料 免费交流”。", [nameof(InternalMaterialLine)]);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
