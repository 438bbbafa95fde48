namespace Newsletter.Web.Domain;

/// <summary>Where an issue is on its way from 草稿 to 已发布.</summary>
public enum IssueStatus
{
    Draft = 0,
    InReview = 1,
    Approved = 2,
    Scheduled = 3,
    Published = 4,
    Withdrawn = 5,
}
