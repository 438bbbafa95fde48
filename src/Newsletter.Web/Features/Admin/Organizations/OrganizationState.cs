using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>An organisation's place in the 送 or 发 list.</summary>
public sealed record MembershipState(MembershipStatus Status, int Order)
{
    public static string StatusName(MembershipStatus status) => status == MembershipStatus.Active ? "正常" : "暂停";
}

/// <summary>
/// An organisation as an administrator edits it. The form and a CSV row both become one; the difference
/// between two states is what the audit log and the import preview show, and <see cref="WriteTo"/> makes an
/// entity match a state (addresses deactivated, never deleted).
/// </summary>
public sealed record OrganizationState(
    string Name, OrganizationKind Kind, string? ParentName, int SortOrder, bool IsActive,
    IReadOnlyList<string> Emails, MembershipState? Send, MembershipState? Distribute)
{
    /// <summary>How many addresses the organisation's own account may keep; null (a CSV row) leaves it as it is.</summary>
    public int? ContactLimit { get; init; }

    public static OrganizationState Of(Organization organization, string? parentName) => new(
        organization.Name, organization.Kind, parentName, organization.SortOrder, organization.IsActive,
        organization.Contacts.Where(c => c.IsActive).OrderBy(c => c.Id).Select(c => c.Email).ToList(),
        Membership(organization, DistributionGroup.Send), Membership(organization, DistributionGroup.Distribute))
    {
        ContactLimit = organization.ContactLimit,
    };

    public MembershipState? In(DistributionGroup group) => group == DistributionGroup.Send ? Send : Distribute;

    public static string StatusName(bool isActive) => isActive ? "正常" : "已停用";

    /// <summary>What a new organisation is created with: 类型：市；上级单位：广西；邮箱：a@b.cn；送：正常.</summary>
    public string Describe() => string.Join("；", new[]
    {
        $"类型：{Organization.KindName(Kind)}",
        ParentName is null ? null : $"上级单位：{ParentName}",
        Emails.Count == 0 ? null : $"邮箱：{string.Join("、", Emails)}",
        Send is null ? null : $"送：{MembershipState.StatusName(Send.Status)}",
        Distribute is null ? null : $"发：{MembershipState.StatusName(Distribute.Status)}",
        IsActive ? null : "状态：已停用",
        SortOrder == 0 ? null : $"排序：{SortOrder}",
    }.OfType<string>());

    /// <summary>Each difference as one line: 类型：市 → 县（市、区）. Empty when nothing changes.</summary>
    public static List<string> Changes(OrganizationState before, OrganizationState after)
    {
        var changes = new List<string>();
        void Compare<T>(string label, T from, T to, Func<T, string> show)
        {
            if (!EqualityComparer<T>.Default.Equals(from, to))
            {
                changes.Add($"{label}：{show(from)} → {show(to)}");
            }
        }

        Compare("名称", before.Name, after.Name, n => n);
        Compare("类型", before.Kind, after.Kind, Organization.KindName);
        Compare("上级单位", before.ParentName, after.ParentName, p => p ?? "无");
        Compare("排序", before.SortOrder, after.SortOrder, o => o.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("状态", before.IsActive, after.IsActive, StatusName);
        if (after.ContactLimit is { } limit && before.ContactLimit != limit)
        {
            changes.Add($"本单位邮箱上限：{before.ContactLimit} → {limit}");
        }

        var added = after.Emails.Where(e => !before.Emails.Contains(e, StringComparer.OrdinalIgnoreCase)).ToList();
        var removed = before.Emails.Where(e => !after.Emails.Contains(e, StringComparer.OrdinalIgnoreCase)).ToList();
        if (added.Count + removed.Count > 0)
        {
            var parts = new[] { added.Count > 0 ? "增加 " + string.Join("、", added) : null, removed.Count > 0 ? "停用 " + string.Join("、", removed) : null };
            changes.Add("邮箱：" + string.Join("，", parts.OfType<string>()));
        }

        foreach (var group in new[] { DistributionGroup.Send, DistributionGroup.Distribute })
        {
            var (from, to) = (before.In(group), after.In(group));
            var label = GroupMembership.GroupName(group);
            Compare(label, from?.Status, to?.Status, s => s is { } status ? MembershipState.StatusName(status) : "无");
            if (from is not null && to is not null && from.Order != to.Order)
            {
                changes.Add($"{label}的排序：{from.Order} → {to.Order}");
            }
        }

        return changes;
    }

    /// <summary>
    /// Makes a tracked entity match this state. Addresses no longer listed are deactivated and listed ones
    /// reactivated or added; a membership no longer wanted is removed (the audit log keeps the change).
    /// </summary>
    public void WriteTo(Organization entity, Organization? parent, NewsletterDbContext db, DateTime utcNow)
    {
        entity.Name = Name;
        entity.Kind = Kind;
        entity.Parent = parent;
        if (parent is null or { Id: > 0 })
        {
            entity.ParentId = parent?.Id; // a new parent (no id yet) gets its key from the navigation when saved
        }

        entity.SortOrder = SortOrder;
        entity.IsActive = IsActive;
        entity.ContactLimit = ContactLimit ?? entity.ContactLimit;
        foreach (var contact in entity.Contacts)
        {
            contact.IsActive = Emails.Contains(contact.Email, StringComparer.OrdinalIgnoreCase);
        }

        foreach (var email in Emails.Where(e => !entity.Contacts.Any(c => string.Equals(c.Email, e, StringComparison.OrdinalIgnoreCase))))
        {
            entity.Contacts.Add(new OrganizationContact { Email = email });
        }

        foreach (var group in new[] { DistributionGroup.Send, DistributionGroup.Distribute })
        {
            var existing = entity.Memberships.FirstOrDefault(m => m.Group == group);
            var wanted = In(group);
            if (wanted is null)
            {
                if (existing is not null)
                {
                    entity.Memberships.Remove(existing);
                    db.GroupMemberships.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                existing = new GroupMembership { Group = group, Since = utcNow };
                entity.Memberships.Add(existing);
            }

            existing.Status = wanted.Status;
            existing.SortOrder = wanted.Order;
        }
    }

    private static MembershipState? Membership(Organization organization, DistributionGroup group) =>
        organization.Memberships.FirstOrDefault(m => m.Group == group) is { } m ? new MembershipState(m.Status, m.SortOrder) : null;
}
