using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.IntegrationTests.Features.Admin.Organizations;

/// <summary>
/// Lists of 单位 read in administrative order: the region, each city followed by its counties (by 排序, then pinyin),
/// then the other bodies — also when a body's name would sort before the region's.
/// </summary>
public sealed class AdministrativeOrderTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>
    /// 有关领导 and 中国计生协各部室 are roots like the region (and sort before 自治区 in pinyin); 百色 has a later 排序 than 柳州;
    /// 南宁's counties share one 排序, so pinyin decides (青秀 before 兴宁, though 兴 comes before 青 in code points).
    /// </summary>
    private Task AddTreeAsync() => portal.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var region = new Organization { Name = "自治区计生协", Kind = OrganizationKind.Region, CreatedAt = now };
        var nanning = new Organization { Name = "南宁市计生协", Kind = OrganizationKind.City, Parent = region, SortOrder = 1, CreatedAt = now };
        var guilin = new Organization { Name = "桂林市计生协", Kind = OrganizationKind.City, Parent = region, SortOrder = 3, CreatedAt = now };
        var laibin = new Organization { Name = "来宾市计生协", Kind = OrganizationKind.City, Parent = region, SortOrder = 13, CreatedAt = now };
        db.Organizations.AddRange(
            new Organization { Name = "有关领导", Kind = OrganizationKind.Body, CreatedAt = now },
            new Organization { Name = "中国计生协各部室", Kind = OrganizationKind.Body, CreatedAt = now },
            region, nanning, guilin, laibin,
            new Organization { Name = "兴宁区计生协", Kind = OrganizationKind.County, Parent = nanning, CreatedAt = now },
            new Organization { Name = "青秀区计生协", Kind = OrganizationKind.County, Parent = nanning, CreatedAt = now },
            new Organization { Name = "桂林市叠彩区计生协", Kind = OrganizationKind.County, Parent = guilin, CreatedAt = now },
            new Organization { Name = "武宣县计生协", Kind = OrganizationKind.County, Parent = laibin, CreatedAt = now });
        foreach (var organization in db.ChangeTracker.Entries<Organization>().Select(e => e.Entity))
        {
            organization.Contacts.Add(new OrganizationContact { Email = $"o{organization.Name.Length}-{Guid.NewGuid():N}@test.local" });
            organization.Memberships.Add(new GroupMembership { Group = DistributionGroup.Distribute, Status = MembershipStatus.Active, Since = now });
        }

        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task The_unit_choice_of_an_account_lists_region_cities_with_their_counties_then_bodies()
    {
        await AddTreeAsync();
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var options = (await admin.PageAsync("/admin/users/new")).QuerySelectorAll("select[name='OrganizationId'] option")
            .Select(o => o.TextContent).Where(t => !t.StartsWith('（')).ToList();
        Assert.Equal(
        [
            "自治区计生协", "　南宁市计生协", "　　青秀区计生协", "　　兴宁区计生协", "　桂林市计生协", "　　桂林市叠彩区计生协",
            "　来宾市计生协", "　　武宣县计生协", "有关领导", "中国计生协各部室",
        ], options);
    }

    [Fact]
    public async Task The_search_filter_lists_contributing_units_in_tree_order_then_the_others_in_pinyin()
    {
        await AddTreeAsync();
        var options = (await portal.CreateClient().PageAsync("/search")).QuerySelectorAll("select#org option")
            .Select(o => o.TextContent.Trim()).Skip(1).ToList();

        // The seed issue 总第65期 credits these; three of them are in the tree.
        Assert.Equal(["自治区计生协", "桂林市叠彩区计生协", "武宣县计生协"], options.Take(3));
        var others = options.Skip(3).ToList();
        Assert.Contains("北海市海城区", others);
        Assert.Contains("七星区华侨旅游经济区计生协", others);
        Assert.True(others.IndexOf("北海市海城区") < others.IndexOf("七星区华侨旅游经济区计生协"), string.Join("|", others));
        Assert.True(others.IndexOf("七星区华侨旅游经济区计生协") < others.IndexOf("自治区计生协办公室"), string.Join("|", others));
    }

    [Fact]
    public async Task A_dispatch_lists_its_recipients_as_the_footer_reads_bodies_then_region_then_each_city_and_its_counties()
    {
        await AddTreeAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var issue = await db.Issues.SingleAsync(i => i.Year == 2023 && i.Number == 2);
        var dispatch = await scope.ServiceProvider.GetRequiredService<DistributionLists>().CreateDispatchAsync(issue, "工作通讯", "测试");
        Assert.Equal(
        [
            "有关领导", "中国计生协各部室", "自治区计生协", "南宁市计生协", "青秀区计生协", "兴宁区计生协", "桂林市计生协", "桂林市叠彩区计生协",
            "来宾市计生协", "武宣县计生协",
        ], dispatch!.Recipients.Select(r => r.OrganizationName));
        Assert.Equal("有关领导、中国计生协各部室、自治区计生协、南宁市计生协、青秀区计生协、兴宁区计生协、桂林市计生协、桂林市叠彩区计生协、来宾市计生协、武宣县计生协。",
            await scope.ServiceProvider.GetRequiredService<DistributionLists>().FooterLineAsync(DistributionGroup.Distribute));
    }
}
