namespace Newsletter.Web.Domain;

/// <summary>单位类型: 自治区, 市, 县（市、区）, or another body (中国计生协各部室, 自治区卫生健康委, 有关领导).</summary>
public enum OrganizationKind
{
    Region,
    City,
    County,
    Body,
}

/// <summary>单位: a recipient of the newsletter, in a hierarchy region → city → county. Never hard-deleted, only deactivated.</summary>
public class Organization
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Organization? Parent { get; set; }

    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>How many addresses the organisation's own 会员单位 account may keep (set by an administrator).</summary>
    public int ContactLimit { get; set; } = DefaultContactLimit;

    public const int DefaultContactLimit = 5;

    public List<OrganizationContact> Contacts { get; set; } = [];

    public List<GroupMembership> Memberships { get; set; } = [];

    public static string KindName(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Region => "自治区",
        OrganizationKind.City => "市",
        OrganizationKind.County => "县（市、区）",
        _ => "机关及其他",
    };
}

/// <summary>联系邮箱: one address of an organisation that receives the newsletter.</summary>
public class OrganizationContact
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public required string Email { get; set; }

    /// <summary>收件人, e.g. 办公室.</summary>
    public string? Name { get; set; }

    /// <summary>Listed for mailing; false once removed by an administrator or the organisation's own account.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>已退订: the recipient unsubscribed (one click, RFC 8058); skipped until an administrator re-subscribes it.</summary>
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>Permanent refusals (5xx at send time, or delivery-status reports) since it last received a mail.</summary>
    public int HardBounces { get; set; }

    /// <summary>退信停发: stopped after too many hard bounces; skipped until corrected or re-enabled.</summary>
    public DateTime? StoppedAt { get; set; }

    /// <summary>The last bounce's reason as the mail server gave it.</summary>
    public string? LastBounce { get; set; }

    public DateTime? LastBounceAt { get; set; }

    /// <summary>Whether dispatches go to this address now.</summary>
    public bool Receives => IsActive && UnsubscribedAt is null && StoppedAt is null;
}

/// <summary>送 (reported to) or 发 (distributed to).</summary>
public enum DistributionGroup
{
    Send,
    Distribute,
}

public enum MembershipStatus
{
    Active,
    Suspended,
}

/// <summary>An organisation's place in the 送 or 发 list; its status lives on the link.</summary>
public class GroupMembership
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public DistributionGroup Group { get; set; }

    public MembershipStatus Status { get; set; }

    /// <summary>Order in the printed 送/发 line.</summary>
    public int SortOrder { get; set; }

    public DateTime Since { get; set; }

    public static string GroupName(DistributionGroup group) => group == DistributionGroup.Send ? "送" : "发";
}
