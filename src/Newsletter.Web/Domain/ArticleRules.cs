namespace Newsletter.Web.Domain;

/// <summary>Who may see and change an article outside its status transitions.</summary>
public static class ArticleRules
{
    private static bool IsOwner(Article article, Actor actor) =>
        actor.UserId is not null && article.CreatedById == actor.UserId;

    private static bool IssueIsOut(Article article) =>
        article.Issue?.Status is IssueStatus.Published or IssueStatus.Withdrawn;

    /// <summary>Editors see every item; a correspondent only their own.</summary>
    public static bool CanView(Article article, Actor actor) => actor.IsEditor || IsOwner(article, actor);

    /// <summary>
    /// Editing before publication: the author while it is a draft or returned; editors while its issue is
    /// still being composed; only the chief editor once the issue is in review. After publication, only corrections.
    /// </summary>
    public static string? WhyNotEditable(Article article, Actor actor)
    {
        if (IssueIsOut(article))
        {
            return "该文章所在的一期已发布，只能以“更正”的方式修改。";
        }

        if (article.Issue is { Status: not IssueStatus.Draft })
        {
            return actor.IsIn(Roles.ChiefEditor) ? null : "该文章所在的一期正在审核，只有总编辑可以修改。";
        }

        if (actor.IsEditor)
        {
            return null;
        }

        return IsOwner(article, actor) && article.Status is ArticleStatus.Draft or ArticleStatus.Returned
            ? null
            : "只有作者能修改自己的草稿或退回稿，提交后由编辑处理。";
    }

    /// <summary>更正: an editor changes an article of a published issue, on the record.</summary>
    public static string? WhyNotCorrectable(Article article, Actor actor) =>
        !IssueIsOut(article) ? "只有已发布的文章才需要更正，未发布的文章请直接修改。"
        : actor.IsEditor ? null
        : "只有编辑和总编辑可以更正已发布的文章。";

    /// <summary>Whom the item waits on, said on every page that shows it.</summary>
    public static string WaitingOn(Article article) => article.Status switch
    {
        ArticleStatus.Draft => $"作者（{article.CreatedByName ?? "未署名"}）完成并提交",
        ArticleStatus.Submitted => "编辑审稿",
        ArticleStatus.Returned => $"作者（{article.CreatedByName ?? "未署名"}）按意见修改后重新提交",
        ArticleStatus.Accepted when article.IssueId is null => "编辑编入一期",
        _ => "无",
    };
}
