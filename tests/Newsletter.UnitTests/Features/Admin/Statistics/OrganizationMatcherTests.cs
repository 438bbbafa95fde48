using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Statistics;

namespace Newsletter.UnitTests.Features.Admin.Statistics;

/// <summary>How a printed 署名单位 finds its organisation in the tree, and the chain it is counted for.</summary>
public sealed class OrganizationMatcherTests
{
    private static readonly Organization Region = new() { Id = 1, Name = "广西壮族自治区计划生育协会", Kind = OrganizationKind.Region };
    private static readonly Organization Guilin = new() { Id = 2, Name = "桂林市计生协", Kind = OrganizationKind.City, ParentId = 1 };
    private static readonly Organization Diecai = new() { Id = 3, Name = "叠彩区计生协", Kind = OrganizationKind.County, ParentId = 2 };
    private static readonly Organization Wuxuan = new() { Id = 4, Name = "武宣县计划生育协会", Kind = OrganizationKind.County, ParentId = 5 };
    private static readonly Organization Laibin = new() { Id = 5, Name = "来宾市", Kind = OrganizationKind.City, ParentId = 1 };
    private static readonly Organization CityArea = new() { Id = 6, Name = "城区计生协", Kind = OrganizationKind.County, ParentId = 2 };
    private static readonly Organization OtherCityArea = new() { Id = 7, Name = "城区计生协 ", Kind = OrganizationKind.County, ParentId = 5 };

    private readonly OrganizationMatcher matcher = new([Region, Guilin, Diecai, Wuxuan, Laibin, CityArea, OtherCityArea]);

    [Theory]
    [InlineData("桂林市叠彩区计生协", 3)]
    [InlineData("叠彩区计生协", 3)]
    [InlineData("叠彩区 计生协", 3)]
    [InlineData("武宣县计生协", 4)]
    [InlineData("（武宣县计生协）", 4)]
    [InlineData("来宾市计生协", 5)]
    [InlineData("来宾市城区计生协", 7)]
    public void Find_names_without_spaces_suffix_or_with_the_parent_in_front_match(string attribution, int id) =>
        Assert.Equal(id, matcher.Find(attribution)?.Id);

    [Theory]
    [InlineData("城区计生协")] // two organisations share it: neither is guessed
    [InlineData("七星区华侨旅游经济区计生协")]
    [InlineData("计生协")]
    [InlineData(null)]
    public void Find_an_unknown_or_shared_name_matches_nothing(string? attribution) => Assert.Null(matcher.Find(attribution));

    [Fact]
    public void SelfAndAncestors_climbs_to_the_root() =>
        Assert.Equal([4, 5, 1], matcher.SelfAndAncestors(Wuxuan).Select(o => o.Id));

    [Fact]
    public void SelfAndAncestors_stops_at_a_loop_of_parents()
    {
        var a = new Organization { Id = 1, Name = "甲", ParentId = 2 };
        var b = new Organization { Id = 2, Name = "乙", ParentId = 1 };
        Assert.Equal([1, 2], new OrganizationMatcher([a, b]).SelfAndAncestors(a).Select(o => o.Id));
    }

    [Theory]
    [InlineData("刘 名", "刘名")]
    [InlineData("刘\u3000名", "刘名")]
    [InlineData(" 何 翔 ", "何翔")]
    public void WithoutSpaces_makes_one_person_of_spaced_names(string name, string key) =>
        Assert.Equal(key, OrganizationMatcher.WithoutSpaces(name));
}
