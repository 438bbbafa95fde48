using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// The 送 and 发 lists as they are now: the footer lines an editor may start from (按发送名单生成; the issue prints what
/// the editor leaves in its fields) and the recipients of its dispatch (a snapshot of each address).
/// </summary>
public sealed class DistributionLists(NewsletterDbContext db, TimeProvider clock)
{
    private IQueryable<GroupMembership> Active(DistributionGroup group) =>
        db.GroupMemberships.Include(m => m.Organization).ThenInclude(o => o!.Contacts)
            .Where(m => m.Group == group && m.Status == MembershipStatus.Active && m.Organization!.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Organization!.SortOrder).ThenBy(m => m.Organization!.Name);

    /// <summary>
    /// 送：A、B、C。 in administrative order — the bodies (有关领导, 中国计生协各部室 …), then the region, then each city followed
    /// by its counties; within one level by the organisations' order (排序), then by name as Chinese sorts it — or null
    /// when the group has no active member.
    /// </summary>
    public async Task<string?> FooterLineAsync(DistributionGroup group)
    {
        var members = await Active(group).Select(m => new { m.OrganizationId, m.SortOrder }).ToListAsync();
        if (members.Count == 0)
        {
            return null;
        }

        var tree = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var names = members
            .OrderBy(m => AdministrativePath(tree[m.OrganizationId], tree), PathOrder.Instance).ThenBy(m => m.SortOrder)
            .Select(m => tree[m.OrganizationId].Name);
        return string.Join("、", names) + "。";
    }

    /// <summary>From the top of the tree down to the organisation: (kind, 排序, name) of each.</summary>
    private static List<(OrganizationKind Kind, int Order, string Name)> AdministrativePath(Organization organization, Dictionary<int, Organization> tree)
    {
        var path = new List<(OrganizationKind, int, string)>();
        for (var o = organization; o is not null && path.Count < 8; o = o.ParentId is { } p ? tree.GetValueOrDefault(p) : null)
        {
            path.Insert(0, (o.Kind, o.SortOrder, o.Name));
        }

        return path;
    }

    /// <summary>Level by level; a parent (a prefix) before its children; bodies first, then region, city, county.</summary>
    private sealed class PathOrder : IComparer<List<(OrganizationKind Kind, int Order, string Name)>>
    {
        public static readonly PathOrder Instance = new();

        private static readonly StringComparer Chinese = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

        public int Compare(List<(OrganizationKind Kind, int Order, string Name)>? x, List<(OrganizationKind Kind, int Order, string Name)>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var byLevel = Rank(x[i].Kind).CompareTo(Rank(y[i].Kind));
                byLevel = byLevel != 0 ? byLevel : x[i].Order.CompareTo(y[i].Order);
                byLevel = byLevel != 0 ? byLevel : Chinese.Compare(x[i].Name, y[i].Name);
                if (byLevel != 0)
                {
                    return byLevel;
                }
            }

            return x.Count.CompareTo(y.Count);
        }

        private static int Rank(OrganizationKind kind) => kind == OrganizationKind.Body ? -1 : (int)kind;
    }

    /// <summary>
    /// Adds to the unit of work a dispatch with one recipient per active address (an address in both lists once, in 送). An
    /// address that unsubscribed (已退订) or was stopped after bounces (退信停发) keeps a row, never claimed or sent, so the
    /// dispatch page counts it; if the same address also receives for another organisation, it is sent once for that one.
    /// </summary>
    public async Task<Dispatch?> CreateDispatchAsync(Issue issue, string subject, string createdBy)
    {
        var recipients = new List<DispatchRecipient>();
        var byAddress = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        var tree = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        foreach (var group in new[] { DistributionGroup.Send, DistributionGroup.Distribute })
        {
            // Recipients in the footer's administrative order, so the dispatch page lists them as the 送/发 lines read.
            var memberships = (await Active(group).ToListAsync())
                .OrderBy(m => AdministrativePath(tree[m.OrganizationId], tree), PathOrder.Instance).ThenBy(m => m.SortOrder);
            foreach (var membership in memberships)
            {
                foreach (var contact in membership.Organization!.Contacts.Where(c => c.IsActive))
                {
                    var status = contact.UnsubscribedAt is not null ? DeliveryStatus.Unsubscribed
                        : contact.StoppedAt is not null ? DeliveryStatus.Stopped
                        : DeliveryStatus.Pending;
                    var index = byAddress.GetValueOrDefault(contact.Email, -1);
                    if (index >= 0 && (recipients[index].Status == DeliveryStatus.Pending || status != DeliveryStatus.Pending))
                    {
                        continue;
                    }

                    var recipient = new DispatchRecipient
                    {
                        OrganizationId = membership.OrganizationId, OrganizationName = membership.Organization.Name,
                        Email = contact.Email, Group = group, Status = status, NextAttemptAt = now,
                    };
                    if (index >= 0)
                    {
                        recipients[index] = recipient;
                    }
                    else
                    {
                        byAddress[contact.Email] = recipients.Count;
                        recipients.Add(recipient);
                    }
                }
            }
        }

        if (recipients.Count == 0)
        {
            return null;
        }

        var dispatch = new Dispatch { Issue = issue, IssueId = issue.Id, Subject = subject, CreatedAt = now, CreatedBy = createdBy, Recipients = recipients };
        db.Dispatches.Add(dispatch);
        return dispatch;
    }

    /// <summary>The states a recipient may be resent from: delivered (the county lost it), failed, or bounced.</summary>
    public static readonly DeliveryStatus[] Resendable = [DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Bounced];

    /// <summary>
    /// 补发: adds to the unit of work a new dispatch of the same issue to the chosen recipients of <paramref name="original"/>
    /// (each address once), so that the first dispatch keeps its record and the history shows both. Refused as a whole, with
    /// the addresses named, when one is not the dispatch's, is still being sent, or may not receive now (已退订, 退信停发, removed).
    /// </summary>
    public async Task<Outcome<Dispatch>> CreateResendAsync(Dispatch original, IReadOnlyCollection<long> recipientIds, string createdBy, CancellationToken ct)
    {
        if (recipientIds.Count == 0)
        {
            return Outcome<Dispatch>.Invalid("请先勾选要补发的地址。");
        }

        var chosen = await db.DispatchRecipients.AsNoTracking().Where(r => r.DispatchId == original.Id && recipientIds.Contains(r.Id)).ToListAsync(ct);
        if (chosen.Count != recipientIds.Distinct().Count())
        {
            return Outcome<Dispatch>.Invalid("所选地址中有不属于这次发送的，这次没有补发。请刷新页面后重选。");
        }

        var busy = chosen.Where(r => !Resendable.Contains(r.Status)).Select(r => $"{r.Email}（{DispatchRecipient.StatusName(r.Status)}）").ToList();
        if (busy.Count > 0)
        {
            return Outcome<Dispatch>.Invalid($"只能补发已发送、失败或已退信的地址，这次没有补发：{string.Join("、", busy)}。");
        }

        var organizationIds = chosen.Select(r => r.OrganizationId).OfType<int>().Distinct().ToList();
        var contacts = await db.OrganizationContacts.AsNoTracking().Where(c => organizationIds.Contains(c.OrganizationId)).ToListAsync(ct);
        var refused = new List<string>();
        foreach (var recipient in chosen)
        {
            var contact = contacts.FirstOrDefault(c => c.OrganizationId == recipient.OrganizationId && c.IsActive
                && string.Equals(c.Email, recipient.Email, StringComparison.OrdinalIgnoreCase));
            var why = contact is null ? "已不在该单位的邮箱中" : contact.UnsubscribedAt is not null ? "已退订" : contact.StoppedAt is not null ? "退信停发" : null;
            if (why is not null)
            {
                refused.Add($"{recipient.Email}（{why}）");
            }
        }

        if (refused.Count > 0)
        {
            return Outcome<Dispatch>.Invalid($"这些地址现在不能接收，这次没有补发：{string.Join("、", refused)}。请先在单位页处理。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var dispatch = new Dispatch
        {
            IssueId = original.IssueId, Subject = Dispatch.ResendPrefix + original.Subject.Replace(Dispatch.ResendPrefix, "", StringComparison.Ordinal),
            CreatedAt = now, CreatedBy = createdBy,
            Recipients = chosen.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Select(r => new DispatchRecipient
            {
                OrganizationId = r.OrganizationId, OrganizationName = r.OrganizationName, Email = r.Email, Group = r.Group,
                Status = DeliveryStatus.Pending, NextAttemptAt = now,
            }).ToList(),
        };
        db.Dispatches.Add(dispatch);
        return Outcome.Ok(dispatch);
    }
}
