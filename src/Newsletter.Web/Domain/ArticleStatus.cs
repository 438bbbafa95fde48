namespace Newsletter.Web.Domain;

/// <summary>Where an article or brief is on its way from 草稿 to 采用.</summary>
public enum ArticleStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Accepted = 3,
}
