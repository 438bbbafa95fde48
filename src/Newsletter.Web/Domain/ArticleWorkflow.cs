namespace Newsletter.Web.Domain;

public enum ArticleAction
{
    Submit,
    Return,
    Accept,
    Reopen,
}

/// <summary>The article's transition table: 草稿 → 已提交 → 退回 / 采用 (then placed in an issue).</summary>
public static class ArticleWorkflow
{
    private static readonly string[] EditorRoles = [Roles.Editor, Roles.ChiefEditor];

    private static string? NotPlaced(Article a) => a.IssueId is null ? null : "文章已编入一期，请先从该期移出。";

    public static Workflow<Article, ArticleStatus, ArticleAction> Instance { get; } = new(
        [
            new(ArticleStatus.Draft, ArticleAction.Submit, ArticleStatus.Submitted, "提交审核", EditorRoles, OwnerMay: true),
            new(ArticleStatus.Returned, ArticleAction.Submit, ArticleStatus.Submitted, "重新提交", EditorRoles, OwnerMay: true),
            new(ArticleStatus.Submitted, ArticleAction.Return, ArticleStatus.Returned, "退回修改", EditorRoles, NeedsNote: true),
            new(ArticleStatus.Submitted, ArticleAction.Accept, ArticleStatus.Accepted, "采用", EditorRoles),
            new(ArticleStatus.Draft, ArticleAction.Accept, ArticleStatus.Accepted, "直接采用", EditorRoles),
            new(ArticleStatus.Accepted, ArticleAction.Reopen, ArticleStatus.Draft, "撤销采用", EditorRoles, Guard: NotPlaced),
        ],
        a => a.Status,
        (a, actor) => actor.UserId is not null && a.CreatedById == actor.UserId,
        StatusName);

    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.Submitted => "待审",
        ArticleStatus.Returned => "已退回",
        ArticleStatus.Accepted => "已采用",
        _ => status.ToString(),
    };
}
