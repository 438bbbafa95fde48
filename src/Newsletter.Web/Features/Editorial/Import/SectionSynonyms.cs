namespace Newsletter.Web.Features.Editorial.Import;

/// <summary>
/// Other names the six 栏目 have carried in printed issues over the years (调研 for 工作调研, 党课 for 专题党课 …): an issue
/// printed with one of them is filed under the portal's section, with a warning, instead of making a second section.
/// The rule is in docs/decisions/0002-plain-text-importer.md; add a name here when an old issue shows one.
/// </summary>
public static class SectionSynonyms
{
    private static readonly Dictionary<string, string> Canonical = new()
    {
        ["调研"] = "工作调研", ["调查研究"] = "工作调研", ["调研报告"] = "工作调研", ["调研文章"] = "工作调研",
        ["协会动态"] = "协会活动", ["工作动态"] = "协会活动", ["计生协动态"] = "协会活动",
        ["学习园地"] = "学习文选", ["理论学习"] = "学习文选", ["文章选登"] = "学习文选",
        ["党课"] = "专题党课", ["党课辅导"] = "专题党课", ["党课讲稿"] = "专题党课",
        ["经验介绍"] = "经验交流", ["工作经验"] = "经验交流", ["经验做法"] = "经验交流",
        ["简讯"] = "基层简讯", ["基层动态"] = "基层简讯", ["基层信息"] = "基层简讯", ["工作简讯"] = "基层简讯",
    };

    /// <summary>The portal's name for a printed section name, or null when it is not a known other name.</summary>
    public static string? PortalNameOf(string printed) =>
        Canonical.GetValueOrDefault(string.Concat(printed.Where(c => !char.IsWhiteSpace(c))));
}
