using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests;

/// <summary>A small organisation tree (region → cities → counties) for the account pages, which choose 单位 from it.</summary>
public static class TestOrganizations
{
    /// <summary>Creates (once) 自治区计生协 → 南宁市计生协, 桂林市计生协 → 桂林市叠彩区计生协, 桂林市秀峰区计生协; returns ids by name.</summary>
    public static async Task<Dictionary<string, int>> EnsureOrganizationsAsync(this PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        if (!await db.Organizations.AnyAsync(o => o.Name == "自治区计生协"))
        {
            var now = DateTime.UtcNow;
            var region = new Organization { Name = "自治区计生协", Kind = OrganizationKind.Region, SortOrder = 0, CreatedAt = now };
            var guilin = new Organization { Name = "桂林市计生协", Kind = OrganizationKind.City, Parent = region, SortOrder = 3, CreatedAt = now };
            var nanning = new Organization { Name = "南宁市计生协", Kind = OrganizationKind.City, Parent = region, SortOrder = 1, CreatedAt = now };
            db.Organizations.AddRange(region, guilin, nanning,
                new Organization { Name = "桂林市秀峰区计生协", Kind = OrganizationKind.County, Parent = guilin, SortOrder = 1, CreatedAt = now },
                new Organization { Name = "桂林市叠彩区计生协", Kind = OrganizationKind.County, Parent = guilin, SortOrder = 2, CreatedAt = now },
                new Organization { Name = "已撤销的计生协", Kind = OrganizationKind.Body, IsActive = false, SortOrder = 9, CreatedAt = now });
            await db.SaveChangesAsync();
        }

        return await db.Organizations.ToDictionaryAsync(o => o.Name, o => o.Id);
    });
}
