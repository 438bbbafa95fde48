namespace Newsletter.Web.Domain;

public enum IssueAction
{
    SubmitForReview,
    Return,
    Approve,
    Reopen,
    Publish,
    Schedule,
    Unschedule,
    PublishDue,
    Withdraw,
    Republish,
}

/// <summary>
/// The issue's transition table: 草稿 → 待审 → 已审 → 已发布 (or 定时发布, published by the scheduler);
/// a published issue can be withdrawn with a reason.
/// </summary>
public static class IssueWorkflow
{
    private static readonly string[] EditorRoles = [Roles.Editor, Roles.ChiefEditor];
    private static readonly string[] Chief = [Roles.ChiefEditor];

    private static string? HasContent(Issue issue) => issue.Articles.Count > 0 ? null : "这一期还没有编入任何文章。";

    public static Workflow<Issue, IssueStatus, IssueAction> Instance { get; } = new(
        [
            new(IssueStatus.Draft, IssueAction.SubmitForReview, IssueStatus.InReview, "提交总编辑审核", EditorRoles, Guard: HasContent),
            new(IssueStatus.InReview, IssueAction.Return, IssueStatus.Draft, "退回修改", Chief, NeedsNote: true),
            new(IssueStatus.InReview, IssueAction.Approve, IssueStatus.Approved, "审核通过", Chief),
            new(IssueStatus.Approved, IssueAction.Reopen, IssueStatus.Draft, "退回编辑", Chief, NeedsNote: true),
            new(IssueStatus.Approved, IssueAction.Publish, IssueStatus.Published, "立即发布", Chief),
            new(IssueStatus.Approved, IssueAction.Schedule, IssueStatus.Scheduled, "定时发布", Chief),
            new(IssueStatus.Scheduled, IssueAction.Unschedule, IssueStatus.Approved, "取消定时", Chief),
            new(IssueStatus.Scheduled, IssueAction.PublishDue, IssueStatus.Published, "到时发布", [Roles.System]),
            new(IssueStatus.Published, IssueAction.Withdraw, IssueStatus.Withdrawn, "撤回", [Roles.ChiefEditor, Roles.Administrator], NeedsNote: true,
                MaxNoteLength: Issue.MaxWithdrawalReasonLength),
            new(IssueStatus.Withdrawn, IssueAction.Republish, IssueStatus.Published, "重新发布", Chief),
        ],
        i => i.Status,
        (_, _) => false,
        StatusName);

    public static string StatusName(IssueStatus status) => status switch
    {
        IssueStatus.Draft => "草稿",
        IssueStatus.InReview => "待总编辑审核",
        IssueStatus.Approved => "已审核",
        IssueStatus.Scheduled => "定时发布",
        IssueStatus.Published => "已发布",
        IssueStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>Whom the issue waits on, for queues and the issue page.</summary>
    public static string WaitingOn(IssueStatus status) => status switch
    {
        IssueStatus.Draft => "编辑（组稿、编排）",
        IssueStatus.InReview or IssueStatus.Approved => "总编辑（审核、发布）",
        IssueStatus.Scheduled => "系统（到时自动发布）",
        _ => "无",
    };
}
