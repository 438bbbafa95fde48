using Newsletter.IntegrationTests.Features.Admin.Organizations;

namespace Newsletter.IntegrationTests.Features.My;

/// <summary>The part of the real tree the seed issue's 署名单位 name, made through the administrator's new-organisation form.</summary>
internal sealed record TreeIds(int Region, int Laibin, int Wuxuan, int Guilin, int Diecai, int Xiufeng);

internal static class OrganizationTreeSeed
{
    /// <summary>
    /// 广西 → 来宾市 → 武宣县, and 广西 → 桂林市 → 叠彩区, 秀峰区. The counties are named without their city, as the tree
    /// lists them: 桂林市叠彩区计生协 must still find 叠彩区计生协 under 桂林市计生协.
    /// </summary>
    public static async Task<TreeIds> CreateAsync(HttpClient admin, PortalFactory portal)
    {
        var region = await admin.CreateOkAsync(portal, OrganizationPages.Fields("广西壮族自治区计划生育协会", "Region"));
        var laibin = await admin.CreateOkAsync(portal, OrganizationPages.Fields("来宾市计生协", "City", region, "lb@example.cn"));
        var wuxuan = await admin.CreateOkAsync(portal, OrganizationPages.Fields("武宣县计生协", "County", laibin, "wx@example.cn"));
        var guilin = await admin.CreateOkAsync(portal, OrganizationPages.Fields("桂林市计生协", "City", region));
        var diecai = await admin.CreateOkAsync(portal, OrganizationPages.Fields("叠彩区计生协", "County", guilin));
        var xiufeng = await admin.CreateOkAsync(portal, OrganizationPages.Fields("秀峰区计生协", "County", guilin));
        return new TreeIds(region, laibin, wuxuan, guilin, diecai, xiufeng);
    }
}
