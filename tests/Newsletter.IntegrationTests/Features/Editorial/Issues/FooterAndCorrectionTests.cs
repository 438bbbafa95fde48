using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Editorial.Issues;

/// <summary>
/// The footer prints what the editor saw: 按发送名单生成 fills 送/发 in administrative order for the editor to edit, and
/// after publication a wrong line is a recorded 更正, shown to readers with its date.
/// </summary>
public sealed class FooterAndCorrectionTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Fill_from_the_groups_gives_administrative_order_unsaved_and_what_the_editor_then_saves_is_published()
    {
        await SeedTreeAsync();
        var issueId = await portal.ComposeNewIssueAsync("正文。", masthead: new() { ["SendTo"] = "旧的送。", ["DistributeTo"] = "旧的发。" });
        var editor = await portal.SignedInAsync(Roles.Editor);
        var compose = $"/editorial/issues/{issueId}";
        var fields = await MastheadFieldsAsync(editor, compose);

        var filled = await editor.PostFormAsync(compose, $"{compose}/masthead/lines", fields);
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        var page = await Html.ParseAsync(await filled.Content.ReadAsStringAsync());
        Assert.Equal("有关领导、中国计生协各部室。", page.QuerySelector("textarea#SendTo")!.TextContent);
        Assert.Equal("自治区计划生育协会、南宁市计划生育协会、武鸣区计划生育协会、桂林市计划生育协会、阳朔县计划生育协会、灵川县计划生育协会。",
            page.QuerySelector("textarea#DistributeTo")!.TextContent);
        Assert.Contains("尚未保存", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("旧的送。", (await portal.IssueAsync(issueId)).SendTo);

        // The editor trims the line and saves it; the preview and the published issue print exactly that.
        fields = Fields(page);
        const string distribute = "南宁市、桂林市计划生育协会，阳朔县、灵川县计划生育协会。";
        fields["DistributeTo"] = distribute;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(compose, $"{compose}/masthead", fields)).StatusCode);
        Assert.Contains(distribute, (await Html.ParseAsync(await editor.GetStringAsync($"{compose}/preview"))).QuerySelector(".issue-footer")!.TextContent);

        await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
        var chief = await portal.SignedInAsync(Roles.ChiefEditor);
        await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, (await chief.IssueActionAsync(issueId, IssueAction.Publish, new() { ["ConfidentialityConfirmed"] = "true" })).StatusCode);
        var published = await portal.IssueAsync(issueId);
        Assert.Equal(("有关领导、中国计生协各部室。", distribute), (published.SendTo, published.DistributeTo));
        Assert.Contains(distribute, await portal.CreateClient().GetStringAsync("/issues/2023/3/print"));
    }

    [Fact]
    public async Task A_correction_of_a_published_line_is_recorded_shown_to_readers_and_audited_and_bad_input_changes_nothing()
    {
        var issueId = await portal.PublishNewIssueAsync("正文。", masthead: new() { ["SendTo"] = "有关领导。" });
        var compose = $"/editorial/issues/{issueId}";
        var reader = portal.CreateClient();
        Assert.DoesNotContain("更正", await reader.GetStringAsync("/issues/2023/3")); // now cached for anonymous readers
        var editor = await portal.SignedInAsync(Roles.Editor);
        var form = (await Html.ParseAsync(await editor.GetStringAsync(compose))).QuerySelector($"form[action='{compose}/corrections']");
        Assert.NotNull(form);

        foreach (var (bad, message) in new (Dictionary<string, string>, string)[]
                 {
                     (new() { ["Field"] = "SendTo", ["After"] = "有关领导，中国计生协。", ["Note"] = " " }, "请写明更正说明"),
                     (new() { ["Field"] = "Copies", ["After"] = "9", ["Note"] = "印数" }, "没有这一栏可以更正"),
                     (new() { ["Field"] = "PrintDate", ["After"] = "五月六日", ["Note"] = "日期" }, "印发日期请写成"),
                     (new() { ["Field"] = "SendTo", ["After"] = "有关领导。", ["Note"] = "同样" }, "与现在的相同"),
                 })
        {
            var refused = await editor.PostFormAsync(compose, $"{compose}/corrections", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync());
        }

        var missing = await editor.PostFormAsync(compose, "/editorial/issues/9999/corrections",
            new() { ["Field"] = "SendTo", ["After"] = "x", ["Note"] = "y" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.IssueCorrections.CountAsync()));
        Assert.Equal("有关领导。", (await portal.IssueAsync(issueId)).SendTo);

        var saved = await editor.PostFormAsync(compose, $"{compose}/corrections",
            new() { ["Field"] = "SendTo", ["After"] = "有关领导，中国计生协各部室。", ["Note"] = "印发时漏列中国计生协各部室，特此更正。" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var correction = await portal.WithDbAsync(db => db.IssueCorrections.AsNoTracking().SingleAsync());
        Assert.Equal((issueId, "送", "有关领导。", "有关领导，中国计生协各部室。"), (correction.IssueId, correction.Field, correction.Before, correction.After));
        Assert.Equal("印发时漏列中国计生协各部室，特此更正。", correction.Note);
        Assert.NotNull(correction.ById);
        Assert.Equal("有关领导，中国计生协各部室。", (await portal.IssueAsync(issueId)).SendTo);
        var audit = (await portal.AuditAsync(nameof(Issue), issueId)).Last();
        Assert.Equal("更正", audit.Action);
        Assert.Contains("有关领导，中国计生协各部室。", audit.Detail);

        var date = Newsletter.Web.Infrastructure.ChineseFormat.Date(correction.CorrectedAt, Newsletter.Web.Infrastructure.ChineseFormat.ChinaTime);
        var issuePage = await Html.ParseAsync(await reader.GetStringAsync("/issues/2023/3"));
        Assert.Contains($"{date}更正（送）：印发时漏列中国计生协各部室，特此更正。", issuePage.QuerySelector("#issue-corrections-heading")!.ParentElement!.TextContent);
        Assert.Contains("有关领导，中国计生协各部室。", issuePage.QuerySelector(".issue-footer")!.TextContent);
        var print = await Html.ParseAsync(await reader.GetStringAsync("/issues/2023/3/print"));
        Assert.Contains("印发时漏列中国计生协各部室", print.QuerySelector(".bf-corrections")!.TextContent);
        Assert.Contains("有关领导，中国计生协各部室。", print.QuerySelector(".bf-footer")!.TextContent);

        var composePage = await editor.GetStringAsync(compose);
        Assert.Contains("印发时漏列中国计生协各部室", composePage);
        Assert.Empty(await NuHtmlChecker.ErrorsAsync(new Dictionary<string, string> { ["compose"] = composePage }));

        // A published issue has no 样稿: its proof is the readers' print view.
        var proof = await editor.GetAsync($"{compose}/print");
        Assert.Equal(HttpStatusCode.Redirect, proof.StatusCode);
        Assert.Equal("/issues/2023/3/print", proof.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_draft_is_not_corrected_but_edited()
    {
        var issueId = await portal.ComposeNewIssueAsync("正文。");
        var editor = await portal.SignedInAsync(Roles.Editor);
        var refused = await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/corrections",
            new() { ["Field"] = "SendTo", ["After"] = "有关领导。", ["Note"] = "说明" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("尚未发布", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.WithDbAsync(db => db.IssueCorrections.CountAsync()));
    }

    /// <summary>
    /// 送: two bodies whose 排序 is the reverse of their code points; 发: the region, two cities and their counties, the
    /// counties of 桂林 numbered against their code points (灵 U+7075 before 阳 U+9633) and 武鸣 between the cities by code point.
    /// </summary>
    private Task SeedTreeAsync() => portal.WithDbAsync(async db =>
    {
        Organization Add(string name, OrganizationKind kind, int order, Organization? parent, DistributionGroup group)
        {
            var o = new Organization { Name = name, Kind = kind, SortOrder = order, Parent = parent, CreatedAt = DateTime.UtcNow };
            o.Memberships.Add(new GroupMembership { Group = group, Status = MembershipStatus.Active, Since = DateTime.UtcNow });
            db.Organizations.Add(o);
            return o;
        }

        Add("中国计生协各部室", OrganizationKind.Body, 2, null, DistributionGroup.Send);
        Add("有关领导", OrganizationKind.Body, 1, null, DistributionGroup.Send);
        var region = Add("自治区计划生育协会", OrganizationKind.Region, 0, null, DistributionGroup.Distribute);
        var guilin = Add("桂林市计划生育协会", OrganizationKind.City, 3, region, DistributionGroup.Distribute);
        Add("灵川县计划生育协会", OrganizationKind.County, 2, guilin, DistributionGroup.Distribute);
        Add("阳朔县计划生育协会", OrganizationKind.County, 1, guilin, DistributionGroup.Distribute);
        var nanning = Add("南宁市计划生育协会", OrganizationKind.City, 1, region, DistributionGroup.Distribute);
        Add("武鸣区计划生育协会", OrganizationKind.County, 1, nanning, DistributionGroup.Distribute);
        return await db.SaveChangesAsync();
    });

    private static async Task<Dictionary<string, string>> MastheadFieldsAsync(HttpClient client, string page) =>
        Fields(await Html.ParseAsync(await client.GetStringAsync(page)));

    /// <summary>The masthead form's fields as a browser would post them.</summary>
    private static Dictionary<string, string> Fields(AngleSharp.Dom.IDocument page)
    {
        var form = page.QuerySelector("form[action$='/masthead']")!;
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked: break;
                case IHtmlInputElement input: fields[name] = input.Value; break;
                case IHtmlTextAreaElement area: fields[name] = area.Value; break;
                case IHtmlSelectElement select: fields[name] = select.Value ?? ""; break;
            }
        }

        fields.Remove("__RequestVerificationToken");
        return fields;
    }
}
