namespace Newsletter.Web.Domain;

/// <summary>栏目: 工作调研, 协会活动, … in an order the administrators set.</summary>
public class Section
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>ASCII name used in URLs (/sections/research).</summary>
    public required string Slug { get; set; }

    public int SortOrder { get; set; }

    public SectionKind Kind { get; set; }

    public bool IsActive { get; set; } = true;

    public static IReadOnlyList<Section> Defaults() =>
    [
        new() { Name = "工作调研", Slug = "research", SortOrder = 10 },
        new() { Name = "协会活动", Slug = "activities", SortOrder = 20 },
        new() { Name = "学习文选", Slug = "readings", SortOrder = 30 },
        new() { Name = "专题党课", Slug = "party-lectures", SortOrder = 40 },
        new() { Name = "经验交流", Slug = "experience", SortOrder = 50 },
        new() { Name = "基层简讯", Slug = "briefs", SortOrder = 60, Kind = SectionKind.Briefs },
    ];
}
