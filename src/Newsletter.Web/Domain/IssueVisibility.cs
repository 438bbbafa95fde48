namespace Newsletter.Web.Domain;

/// <summary>Who may read an issue: everyone (公开) or signed-in members only (仅会员).</summary>
public enum IssueVisibility
{
    Public = 0,
    MembersOnly = 1,
}
