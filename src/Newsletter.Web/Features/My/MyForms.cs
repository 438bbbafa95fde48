using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Statistics;

namespace Newsletter.Web.Features.My;

/// <summary>添加/修改 one address of the account's own organisation.</summary>
public sealed class MemberContactForm
{
    [Required(ErrorMessage = "请填写邮箱。")]
    [StringLength(254, ErrorMessage = "邮箱不能超过 254 个字符。")]
    [Display(Name = "邮箱")]
    public string Email { get; set; } = "";

    [StringLength(50, ErrorMessage = "收件人不能超过 50 个字。")]
    [Display(Name = "收件人（可不填）")]
    public string? Name { get; set; }
}

/// <summary>本单位: the organisation, its addresses (removed ones too) and what the page says went wrong.</summary>
public sealed record MyOrganizationPage(Organization? Organization, MemberContactForm Form, string? Error)
{
    public IEnumerable<OrganizationContact> Active => (Organization?.Contacts ?? []).Where(c => c.IsActive).OrderBy(c => c.Id);

    public IEnumerable<OrganizationContact> Removed => (Organization?.Contacts ?? []).Where(c => !c.IsActive).OrderBy(c => c.Id);

    public bool Full => Organization is { } o && Active.Count() >= o.ContactLimit;

    /// <summary>正常, 已退订 or 退信停发, as the dispatch pages say.</summary>
    public static string State(OrganizationContact contact) =>
        contact.UnsubscribedAt is not null ? "已退订（只有管理员可以恢复）" : contact.StoppedAt is not null ? "退信停发" : "正常";
}

/// <summary>本单位供稿: the organisation's figures for a year (its own and its lower organisations' items) and the items.</summary>
public sealed record MyContributionsPage(
    Organization? Organization, IReadOnlyList<int> Years, int? Year, ContributionRow? Row, IReadOnlyList<ContributionItem> Items);
