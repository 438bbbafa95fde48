using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.IntegrationTests.Features.Unsubscribe;

public static class UnsubscribeFixture
{
    /// <summary>The path of the link a mail's List-Unsubscribe header gives (https://portal/unsubscribe/{token} → /unsubscribe/{token}).</summary>
    public static string LinkPath(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.StartsWith("<http://portal.test/unsubscribe/", header);
        return new Uri(header.Trim('<', '>')).AbsolutePath;
    }

    /// <summary>A valid link for the address, made by the portal's own token service (as the mail would carry it).</summary>
    public static string LinkFor(this PortalFactory portal, int organizationId, string email) =>
        "/unsubscribe/" + portal.Services.GetRequiredService<UnsubscribeTokens>().Create(organizationId, email);

    public static Task<OrganizationContact> ContactAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.OrganizationContacts.AsNoTracking().SingleAsync(c => c.Email == email));

    public static Task<List<AuditEntry>> UnsubscribeAuditAsync(this PortalFactory portal) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "退订邮箱" || e.Action == "重新订阅邮箱").OrderBy(e => e.Id).ToListAsync());

    /// <summary>The next dispatch of an issue, made by the same service publishing uses, then sent by the worker.</summary>
    public static async Task<int> DispatchAgainAsync(this PortalFactory portal, int issueId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<NewsletterDbContext>();
        var lists = scope.ServiceProvider.GetRequiredService<DistributionLists>();
        var issue = await context.Issues.SingleAsync(i => i.Id == issueId);
        var dispatch = await lists.CreateDispatchAsync(issue, "工作通讯 再次发送", "测试");
        await context.SaveChangesAsync();
        return dispatch!.Id;
    }
}
