namespace Newsletter.Web.Domain;

/// <summary>Who may change an issue's masthead and contents outside its status transitions.</summary>
public static class IssueRules
{
    /// <summary>Editors compose a draft; the chief editor may still adjust it while reviewing.</summary>
    public static string? WhyNotEditable(Issue issue, Actor actor) => issue.Status switch
    {
        IssueStatus.Draft when actor.IsEditor => null,
        IssueStatus.InReview or IssueStatus.Approved when actor.IsIn(Roles.ChiefEditor) => null,
        IssueStatus.InReview or IssueStatus.Approved => "这一期正在总编辑审核，编辑不能再修改；如需修改，请总编辑退回。",
        IssueStatus.Draft => "只有编辑和总编辑可以编排这一期。",
        _ => "这一期已发布或已定时发布，不能再修改编排。",
    };
}
