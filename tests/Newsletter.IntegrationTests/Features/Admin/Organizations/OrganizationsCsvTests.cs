using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;
using Newsletter.Web.Domain;
using static Newsletter.IntegrationTests.Features.Admin.Organizations.OrganizationPages;

namespace Newsletter.IntegrationTests.Features.Admin.Organizations;

/// <summary>单位名单 as CSV: export, upload, preview (nothing written), apply (all valid lines in one go).</summary>
public sealed class OrganizationsCsvTests : IDisposable
{
    private const string Header = "名称,类型,上级单位,邮箱,送,发,状态,排序";

    /// <summary>A new child before its parent, a bad address, an unknown parent, a repeated name, a change to an existing one.</summary>
    private static readonly string Mixed = string.Join("\r\n",
        Header,
        "南宁市兴宁区计生协,县（市、区）,南宁市计生协,xn@example.cn,,正常,正常,1",
        "坏邮箱单位,市,,ok@example.cn;not-an-email,,,正常,2",
        "孤儿单位,县（市、区）,不存在的市,,,,正常,3",
        "南宁市计生协,市,广西壮族自治区计划生育协会,nn@example.cn,正常,,正常,4",
        "南宁市计生协,市,,other@example.cn,,,正常,5",
        "广西壮族自治区计划生育协会,自治区,,gx@example.cn,正常,,正常,0",
        "");

    private readonly PortalFactory portal = new();

    static OrganizationsCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Export_then_import_of_the_same_file_changes_nothing()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var region = await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region", sortOrder: 1, send: "Active"));
        var city = await admin.CreateOkAsync(portal, Fields("桂林市计生协", "City", region, "-gl2@example.cn\ngl@example.cn", 3, distribute: "Suspended"));
        await admin.CreateOkAsync(portal, Fields("桂林市叠彩区计生协", "County", city, "dc@example.cn", send: "Suspended", distribute: "Active"));
        var old = await admin.CreateOkAsync(portal, Fields("原临桂县计生协", "County", city, "lg@example.cn"));
        await admin.CreateOkAsync(portal, Fields("中国计生协各部室", "Body", emails: "bsb@example.org.cn", send: "Active"));
        await admin.EditAsync(old, Fields("原临桂县计生协", "County", city));
        await admin.PostFieldsAsync($"{List}/{old}/edit", $"{List}/{old}/deactivate");

        var export = await admin.GetAsync(List + "/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Web.Infrastructure.ChineseFormat.ChinaTime));
        Assert.Equal($"单位名单-{today:yyyy-MM-dd}.csv", export.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("filename*=UTF-8''", export.Content.Headers.ContentDisposition.ToString());
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        Assert.Equal("广西壮族自治区计划生育协会,自治区,,,正常,,正常,1", lines[1]);
        Assert.Equal("桂林市计生协,市,广西壮族自治区计划生育协会,\"'-gl2@example.cn;gl@example.cn\",,暂停,正常,3", lines[2]); // not a formula for Excel
        Assert.Contains("原临桂县计生协,县（市、区）,桂林市计生协,,,,已停用,0", lines);
        Assert.Contains("中国计生协各部室,机关及其他,,bsb@example.org.cn,正常,,正常,0", lines);

        var before = await SnapshotAsync();
        var (response, preview) = await admin.UploadAsync(bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(preview);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("不变", r.Outcome));
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.Line));

        var (applied, done) = await admin.ApplyAsync(preview);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("已导入：新增 0 个，修改 0 个，不变 5 个。", MainText(done));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(bytes, await admin.GetByteArrayAsync(List + "/export"));
    }

    [Fact]
    public async Task A_file_with_errors_lists_each_with_its_line_and_reason_and_applying_writes_only_the_valid_lines()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region"));

        var (_, preview) = await admin.UploadAsync(Utf8(Mixed, bom: true));
        var rows = Rows(preview);
        Assert.Equal(
        [
            new(2, "南宁市兴宁区计生协", "新增", "类型：县（市、区）；上级单位：南宁市计生协；邮箱：xn@example.cn；发：正常；排序：1"),
            new(3, "坏邮箱单位", "错误", "第2个邮箱“not-an-email”格式不正确。"),
            new(4, "孤儿单位", "错误", "上级单位“不存在的市”不存在。"),
            new(5, "南宁市计生协", "新增", "类型：市；上级单位：广西壮族自治区计划生育协会；邮箱：nn@example.cn；送：正常；排序：4"),
            new(6, "南宁市计生协", "错误", "名称“南宁市计生协”与第5行重复。"),
            new PreviewRow(7, "广西壮族自治区计划生育协会", "修改", "邮箱：增加 gx@example.cn；送：无 → 正常"),
        ], rows);
        Assert.Contains("新增 2 个，修改 1 个，不变 0 个，错误 3 行", MainText(preview));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Organizations.CountAsync()));

        var (_, done) = await admin.ApplyAsync(preview);
        Assert.Contains("已导入：新增 2 个，修改 1 个，不变 0 个。", MainText(done));
        Assert.Equal([3, 4, 6], Rows(done).Select(r => r.Line));

        var tree = await admin.TreeAsync();
        Assert.Equal([("广西壮族自治区计划生育协会", 0), ("南宁市计生协", 1), ("南宁市兴宁区计生协", 2)], tree.Select(r => (r.Name, r.Depth)));
        Assert.Equal(["nn@example.cn"], tree[1].Emails);
        Assert.Equal(["送：正常"], tree[0].Groups);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "导入单位"));
        Assert.Equal(3, audit);
    }

    [Fact]
    public async Task A_loop_of_parents_or_a_parent_on_a_skipped_line_is_refused()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var region = await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region"));
        await admin.CreateOkAsync(portal, Fields("梧州市计生协", "City", region));
        var file = string.Join("\n", "名称,类型,上级单位", "广西壮族自治区计划生育协会,自治区,梧州市计生协", "甲单位,机关及其他,乙单位",
            "乙单位,机关及其他,甲单位", "坏单位,乡,", "坏单位的下级,县（市、区）,坏单位", "丙单位,机关及其他,丙单位", "苍梧县计生协,县（市、区）,梧州市计生协");
        var rows = Rows((await admin.UploadAsync(Utf8(file, bom: false))).Page);
        Assert.Equal(
        [
            (2, "错误", "上级单位“梧州市计生协”是它的下级单位，会形成循环。"),
            (3, "错误", "上级单位“乙单位”是它的下级单位，会形成循环。"),
            (4, "错误", "上级单位“甲单位”是它的下级单位，会形成循环。"),
            (5, "错误", "类型“乡”不正确，应为自治区、市、县（市、区）、机关及其他之一（县级也可写“县”）。"),
            (6, "错误", "上级单位“坏单位”所在的第5行有错误。"),
            (7, "错误", "上级单位不能是它自己。"),
            (8, "新增", "类型：县（市、区）；上级单位：梧州市计生协"),
        ], rows.Select(r => (r.Line, r.Outcome, r.Notes)));
    }

    [Fact]
    public async Task A_line_with_several_faults_lists_every_one_and_县_stands_for_the_county_kind()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var region = await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region"));
        await admin.CreateOkAsync(portal, Fields("梧州市计生协", "City", region));
        var file = string.Join("\n", Header,
            "多处出错的单位,乡,梧州市计生协,a@example.cn;坏地址;b@;c@example.cn,有时,暂停,作废,第一",
            "藤县计生协,县,梧州市计生协,tx@example.cn,,正常,正常,2",
            "蒙山县计生协,县级,梧州市计生协,,,,,3");
        var (_, preview) = await admin.UploadAsync(Utf8(file, bom: false));
        var rows = Rows(preview);
        Assert.Equal(
        [
            (2, "错误", "类型“乡”不正确，应为自治区、市、县（市、区）、机关及其他之一（县级也可写“县”）。第2个邮箱“坏地址”格式不正确。第3个邮箱“b@”格式不正确。"
                + "“送”的值“有时”不正确，应为“正常”“暂停”或留空。状态“作废”不正确，应为“正常”或“已停用”。排序“第一”不是 -100000 到 100000 之间的整数。"),
            (3, "新增", "类型：县（市、区）；上级单位：梧州市计生协；邮箱：tx@example.cn；发：正常；排序：2"),
            (4, "新增", "类型：县（市、区）；上级单位：梧州市计生协；排序：3"),
        ], rows.Select(r => (r.Line, r.Outcome, r.Notes)));
        Assert.Equal(6, preview.QuerySelectorAll("tr[data-line='2'] .row-notes span").Length);
        Assert.Equal(2, await portal.WithDbAsync(db => db.Organizations.CountAsync()));

        await admin.ApplyAsync(preview);
        var counties = await portal.WithDbAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.County).Select(o => o.Name).ToListAsync());
        Assert.Equal(new HashSet<string> { "藤县计生协", "蒙山县计生协" }, counties.ToHashSet());
        Assert.Equal(4, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task The_same_file_in_GBK_or_UTF8_with_or_without_BOM_gives_the_same_preview()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        await admin.CreateOkAsync(portal, Fields("广西壮族自治区计划生育协会", "Region"));
        var withBom = Rows((await admin.UploadAsync(Utf8(Mixed, bom: true))).Page);
        var withoutBom = Rows((await admin.UploadAsync(Utf8(Mixed, bom: false))).Page);
        var gbk = Rows((await admin.UploadAsync(Encoding.GetEncoding("GBK").GetBytes(Mixed))).Page);

        Assert.Equal(6, withBom.Count);
        Assert.Equal("南宁市兴宁区计生协", withBom[0].Name);
        Assert.Equal(withBom, withoutBom);
        Assert.Equal(withBom, gbk);
    }

    [Fact]
    public async Task A_file_over_2_MB_or_not_a_list_or_a_changed_payload_is_refused_in_chinese()
    {
        var admin = await portal.SignedInAsync(Roles.Administrator);
        var big = Utf8(Header + "\r\n" + string.Concat(Enumerable.Repeat("很长的单位名称,市,,,,,正常,0\r\n", 60_000)), bom: false);
        Assert.True(big.Length > 2 * 1024 * 1024);
        var (response, page) = await admin.UploadAsync(big);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不能超过 2 MB", page.QuerySelector(".import-error")!.TextContent);

        Assert.Contains("文件第一行应是列名", (await admin.UploadAsync(Utf8("单位,邮箱\r\n南宁市计生协,nn@example.cn", bom: false))).Page.QuerySelector(".import-error")!.TextContent);
        Assert.Contains("这不是文本文件", (await admin.UploadAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])).Page.QuerySelector(".import-error")!.TextContent);

        var (_, preview) = await admin.UploadAsync(Utf8(Mixed, bom: false));
        var (_, tampered) = await admin.ApplyAsync(preview, payload: "AAAA" + preview.QuerySelector("input[name=payload]")!.GetAttribute("value"));
        Assert.Contains("导入内容已失效或被改动", tampered.QuerySelector(".import-error")!.TextContent);

        var other = await portal.SignedInAsync(Roles.Administrator, "admin2@test.local");
        var html = await (await other.GetAsync(ImportPage)).Content.ReadAsStringAsync();
        var (_, foreign) = await other.ApplyAsync(await Html.ParseAsync(html.Replace("</form>",
            $"<input type=\"hidden\" name=\"payload\" value=\"{preview.QuerySelector("input[name=payload]")!.GetAttribute("value")}\"></form>")
            .Replace("action=\"/admin/organizations/import\"", "action=\"/admin/organizations/import/apply\"")));
        Assert.Contains("导入内容已失效或被改动", foreign.QuerySelector(".import-error")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    private static byte[] Utf8(string text, bool bom) => [.. bom ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(text)];

    /// <summary>Everything the import could change, as text.</summary>
    private Task<string> SnapshotAsync() => portal.WithDbAsync(async db => string.Join("\n",
        (await db.Organizations.AsNoTracking().Include(o => o.Contacts).Include(o => o.Memberships).OrderBy(o => o.Id).ToListAsync())
        .Select(o => $"{o.Id} {o.Name} {o.Kind} {o.ParentId} {o.IsActive} {o.SortOrder} "
            + string.Join(",", o.Contacts.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Email}:{c.IsActive}")) + " "
            + string.Join(",", o.Memberships.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Group}:{m.Status}:{m.SortOrder}:{m.Since:O}")))));
}
