namespace Newsletter.Web.Domain;

/// <summary>A section holds full articles (文章) or short items (简讯, each starting with ●).</summary>
public enum SectionKind
{
    Articles = 0,
    Briefs = 1,
}
