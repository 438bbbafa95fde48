using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Notifications;

/// <summary>What a notification is about; its name is what <c>ApplicationUser.MutedNotifications</c> lists.</summary>
public enum NotificationKind
{
    ArticleSubmitted,
    ArticleReturned,
    ArticleAccepted,
    IssueSubmitted,
    IssueReturned,
    IssuePublished,
    OrganizationWithoutAddress,
}

/// <summary>How each kind is named on the settings page, and which roles can receive it.</summary>
public sealed record NotificationKindInfo(NotificationKind Kind, string Label, string Explanation, IReadOnlyList<string> Roles)
{
    public static IReadOnlyList<NotificationKindInfo> All { get; } =
    [
        new(NotificationKind.ArticleSubmitted, "有稿件提交审核", "通讯员提交或重新提交稿件时，通知编辑。", [Domain.Roles.Editor, Domain.Roles.ChiefEditor]),
        new(NotificationKind.ArticleReturned, "我的稿件被退回", "编辑退回您的稿件时，连同退回意见通知您。", [Domain.Roles.Correspondent, Domain.Roles.Editor, Domain.Roles.ChiefEditor]),
        new(NotificationKind.ArticleAccepted, "我的稿件被采用", "编辑采用您的稿件时，连同意见通知您。", [Domain.Roles.Correspondent, Domain.Roles.Editor, Domain.Roles.ChiefEditor]),
        new(NotificationKind.IssueSubmitted, "有一期提交总编辑审核", "编辑把一期提交审核时，通知总编辑。", [Domain.Roles.ChiefEditor]),
        new(NotificationKind.IssueReturned, "一期被退回修改", "总编辑退回一期时，连同意见通知提交它的编辑。", [Domain.Roles.Editor, Domain.Roles.ChiefEditor]),
        new(NotificationKind.IssuePublished, "一期已发布", "一期发布（立即或到时）后，通知编辑。", [Domain.Roles.Editor, Domain.Roles.ChiefEditor]),
        new(NotificationKind.OrganizationWithoutAddress, "单位没有可用的接收邮箱", "发送名单中的单位因退订、退信停发等不再有可用邮箱时，通知管理员安排新的联系人。", [Domain.Roles.Administrator]),
    ];

    public static NotificationKindInfo Of(NotificationKind kind) => All.Single(k => k.Kind == kind);

    /// <summary>The kinds a person with <paramref name="roles"/> can receive, in the order above.</summary>
    public static IEnumerable<NotificationKindInfo> For(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return All.Where(k => k.Roles.Any(set.Contains));
    }

    /// <summary>The muted kinds stored on an account (unknown names are ignored).</summary>
    public static IReadOnlySet<NotificationKind> Muted(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<NotificationKind>(name, out var kind) ? kind : (NotificationKind?)null)
            .OfType<NotificationKind>().ToHashSet();

    public static string? Store(IEnumerable<NotificationKind> muted) =>
        string.Join(",", muted.Distinct().Order()) is { Length: > 0 } joined ? joined : null;
}
