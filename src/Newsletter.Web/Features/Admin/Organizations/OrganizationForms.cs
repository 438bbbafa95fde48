using System.ComponentModel.DataAnnotations;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>新建/修改单位. The page posts it with the prefix <c>Form.</c>.</summary>
public sealed class OrganizationForm
{
    public const int MaxNameLength = 100;

    [Required(ErrorMessage = "请填写单位名称。")]
    [StringLength(MaxNameLength, ErrorMessage = "单位名称不能超过 100 个字。")]
    [Display(Name = "单位名称")]
    public string Name { get; set; } = "";

    [Display(Name = "类型")]
    public OrganizationKind Kind { get; set; } = OrganizationKind.County;

    [Display(Name = "上级单位")]
    public int? ParentId { get; set; }

    [Range(-100000, 100000, ErrorMessage = "排序应是 -100000 到 100000 之间的整数。")]
    [Display(Name = "排序（小的在前）")]
    public int SortOrder { get; set; }

    [Range(0, 100, ErrorMessage = "本单位账号可保留的邮箱数应是 0 到 100 之间的整数。")]
    [Display(Name = "本单位账号最多可保留的邮箱数")]
    public int ContactLimit { get; set; } = Organization.DefaultContactLimit;

    [Display(Name = "联系邮箱（每行一个）")]
    public string? Emails { get; set; }

    [Display(Name = "在“送”名单中")]
    public bool Send { get; set; }

    [Display(Name = "“送”的状态")]
    public MembershipStatus SendStatus { get; set; }

    [Range(-100000, 100000, ErrorMessage = "排序应是 -100000 到 100000 之间的整数。")]
    [Display(Name = "“送”的排序")]
    public int SendOrder { get; set; }

    [Display(Name = "在“发”名单中")]
    public bool Distribute { get; set; }

    [Display(Name = "“发”的状态")]
    public MembershipStatus DistributeStatus { get; set; }

    [Range(-100000, 100000, ErrorMessage = "排序应是 -100000 到 100000 之间的整数。")]
    [Display(Name = "“发”的排序")]
    public int DistributeOrder { get; set; }

    public static OrganizationForm From(Organization organization)
    {
        var send = organization.Memberships.FirstOrDefault(m => m.Group == DistributionGroup.Send);
        var distribute = organization.Memberships.FirstOrDefault(m => m.Group == DistributionGroup.Distribute);
        return new OrganizationForm
        {
            Name = organization.Name,
            Kind = organization.Kind,
            ParentId = organization.ParentId,
            SortOrder = organization.SortOrder,
            ContactLimit = organization.ContactLimit,
            Emails = string.Join("\n", organization.Contacts.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Email)),
            Send = send is not null,
            SendStatus = send?.Status ?? MembershipStatus.Active,
            SendOrder = send?.SortOrder ?? 0,
            Distribute = distribute is not null,
            DistributeStatus = distribute?.Status ?? MembershipStatus.Active,
            DistributeOrder = distribute?.SortOrder ?? 0,
        };
    }
}

/// <summary>One organisation in the tree: its 送/发 read like 送：正常.</summary>
public sealed record OrganizationRow(
    int Id, string Name, string KindName, int Depth, bool IsActive, IReadOnlyList<string> Emails, IReadOnlyList<string> Memberships)
{
    /// <summary>Why an address gets no mail (已退订, 退信停发), by address; an address that receives is not listed.</summary>
    public IReadOnlyDictionary<string, string> NotReceiving { get; init; } = new Dictionary<string, string>();
}

/// <summary>One listed address on the edit page, with its state and when it unsubscribed.</summary>
public sealed record ContactLine(int Id, string Email, DateTime? UnsubscribedAt, DateTime? StoppedAt);

/// <summary>The tree of regions, cities and counties, and the other bodies apart.</summary>
public sealed record OrganizationsPage(IReadOnlyList<OrganizationRow> Tree, IReadOnlyList<OrganizationRow> Bodies);

/// <summary>A choice of parent, indented by its depth.</summary>
public sealed record ParentOption(int Id, string Label);

/// <summary>The new or edit page: <paramref name="Id"/> is null for a new organisation.</summary>
public sealed record OrganizationFormPage(
    int? Id, string? SavedName, bool IsActive, OrganizationForm Form, IReadOnlyList<ParentOption> Parents, IReadOnlyList<string> InactiveEmails)
{
    /// <summary>本单位自行修改: the latest changes the organisation's own account made to its addresses.</summary>
    public IReadOnlyList<AuditEntry> SelfChanges { get; init; } = [];

    /// <summary>The listed addresses with their state (已退订, 退信停发), for the edit page's 接收状态 table.</summary>
    public IReadOnlyList<ContactLine> Contacts { get; init; } = [];

    public static IReadOnlyList<(MembershipStatus Value, string Label)> Statuses { get; } =
        [(MembershipStatus.Active, "正常"), (MembershipStatus.Suspended, "暂停")];
}

/// <summary>The checkbox, status and order of one list (送 or 发) on the form; <paramref name="Field"/> is Send or Distribute.</summary>
public sealed record MembershipFields(string Field, string Label, bool IsMember, MembershipStatus Status, int Order);
