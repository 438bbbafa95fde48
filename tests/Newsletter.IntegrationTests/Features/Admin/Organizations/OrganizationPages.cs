using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin;
using Newsletter.IntegrationTests.Features.Admin.Audit;
using Newsletter.IntegrationTests.Features.Admin.Users;
using Newsletter.IntegrationTests.Features.Admin.Words;

namespace Newsletter.IntegrationTests.Features.Admin.Organizations;

/// <summary>One row of the tree page: which table, how deep, greyed or not, and what it shows.</summary>
internal sealed record TreeRow(string Table, int Id, int Depth, bool Greyed, string Name, string Kind, string Status, string[] Emails, string[] Groups);

/// <summary>One line of the import preview or of the skipped lines after applying.</summary>
internal sealed record PreviewRow(int Line, string Name, string Outcome, string Notes);

/// <summary>What the organisation tests do through the pages.</summary>
internal static class OrganizationPages
{
    public const string List = "/admin/organizations";
    public const string ImportPage = "/admin/organizations/import";

    /// <summary>The form's fields (prefix Form.), as the browser posts them: a checkbox sends true and its hidden false.</summary>
    public static (string, string)[] Fields(string name, string kind, int? parentId = null, string emails = "", int sortOrder = 0,
        string? send = null, string? distribute = null) =>
    [
        ("Form.Name", name), ("Form.Kind", kind), ("Form.ParentId", parentId?.ToString() ?? ""), ("Form.SortOrder", sortOrder.ToString()),
        ("Form.Emails", emails),
        .. send is null ? new[] { ("Form.Send", "false") } : [("Form.Send", "true"), ("Form.Send", "false")],
        ("Form.SendStatus", send ?? "Active"), ("Form.SendOrder", "0"),
        .. distribute is null ? new[] { ("Form.Distribute", "false") } : [("Form.Distribute", "true"), ("Form.Distribute", "false")],
        ("Form.DistributeStatus", distribute ?? "Active"), ("Form.DistributeOrder", "0"),
    ];

    public static Task<HttpResponseMessage> CreateAsync(this HttpClient admin, params (string, string)[] fields) =>
        admin.PostFieldsAsync(List + "/new", List + "/new", fields);

    public static Task<HttpResponseMessage> EditAsync(this HttpClient admin, int id, params (string, string)[] fields) =>
        admin.PostFieldsAsync($"{List}/{id}/edit", $"{List}/{id}/edit", fields);

    /// <summary>Creates through the form and returns the new id.</summary>
    public static async Task<int> CreateOkAsync(this HttpClient admin, PortalFactory portal, params (string, string)[] fields)
    {
        var response = await admin.CreateAsync(fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}: {(await Html.ParseAsync(body)).QuerySelector("main")?.TextContent ?? body}");
        return await portal.OrganizationIdAsync(fields[0].Item2.Trim());
    }

    public static Task<int> OrganizationIdAsync(this PortalFactory portal, string name) =>
        portal.WithDbAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static async Task<List<TreeRow>> TreeAsync(this HttpClient admin)
    {
        var page = await admin.PageAsync(List);
        var tables = page.QuerySelectorAll("table.organizations").ToList();
        return tables.SelectMany((table, i) => table.QuerySelectorAll("tbody tr").Select(tr => new TreeRow(
            i == 0 && tables.Count == 2 ? "tree" : "bodies",
            int.Parse(tr.GetAttribute("data-id")!), int.Parse(tr.GetAttribute("data-depth")!),
            tr.ClassList.Contains("text-secondary"),
            Text(tr, ".org-name"), Text(tr, ".org-kind"), Text(tr, ".org-status"),
            tr.QuerySelectorAll(".org-email").Select(e => e.TextContent.Trim()).ToArray(),
            tr.QuerySelectorAll(".org-group").Select(e => e.TextContent.Trim()).ToArray()))).ToList();
    }

    /// <summary>Uploads a file through the import form (antiforgery token included) and returns the page it answers with.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(this HttpClient admin, byte[] content, string fileName = "单位名单.csv")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Accounts.TokenAsync(admin, ImportPage)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        var response = await admin.PostAsync(ImportPage, form);
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Presses 确认导入 on the preview page: its token and hidden payload are posted as they are.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> ApplyAsync(this HttpClient admin, IDocument preview, string? payload = null)
    {
        var form = preview.QuerySelector("form[action='/admin/organizations/import/apply']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Cast<IHtmlInputElement>()
            .ToDictionary(i => i.Name!, i => i.Name == "payload" && payload is not null ? payload : i.Value);
        var response = await admin.PostAsync("/admin/organizations/import/apply", new FormUrlEncodedContent(fields));
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync()));
    }

    public static List<PreviewRow> Rows(IDocument page) => page.QuerySelectorAll("table.import-rows tbody tr")
        .Select(tr => new PreviewRow(int.Parse(Text(tr, ".row-line")), Text(tr, ".row-name"), Text(tr, ".row-outcome"), Text(tr, ".row-notes")))
        .ToList();

    public static string MainText(IDocument page) => page.QuerySelector("main")!.TextContent;

    private static string Text(IElement row, string selector) => row.QuerySelector(selector)!.TextContent.Trim();
}
