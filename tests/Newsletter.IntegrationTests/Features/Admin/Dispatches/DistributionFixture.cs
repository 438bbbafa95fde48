using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Domain;

namespace Newsletter.IntegrationTests.Features.Admin.Dispatches;

public static class DistributionFixture
{
    /// <summary>Settings pointing the portal at the in-process SMTP server, with quick polling and retries.</summary>
    public static Dictionary<string, string?> SmtpSettings(TestSmtpServer smtp, int claimTimeoutSeconds = 300) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtp.Port.ToString(),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "工作通讯 <newsletter@gxjsx.test>",
        ["Mail:PortalUrl"] = "http://portal.test",
        ["Mail:PollSeconds"] = "1",
        ["Mail:RetryBaseSeconds"] = "1",
        ["Mail:ClaimTimeoutSeconds"] = claimTimeoutSeconds.ToString(),
    };

    /// <summary>A delivery-status report as real mail servers write them (Postfix, Exchange …), about that recipient and message.</summary>
    public static string BounceReport(string fixture, string recipient, string messageId) => File.ReadAllText(Path.Combine(
            Newsletter.UnitTests.SeedFiles.Folder, "..", "tests", "Newsletter.UnitTests", "Features", "Admin", "Dispatches", "Fixtures", "Dsn", fixture))
        .Replace("{{RECIPIENT}}", recipient, StringComparison.Ordinal).Replace("{{MESSAGE_ID}}", messageId, StringComparison.Ordinal);

    /// <summary>Adds an organisation with addresses to the 送 or 发 list.</summary>
    public static Task<int> AddAsync(this PortalFactory portal, string name, DistributionGroup? group, params string[] emails) =>
        portal.AddAsync(name, group, MembershipStatus.Active, true, emails);

    public static Task<int> AddAsync(this PortalFactory portal, string name, DistributionGroup? group, MembershipStatus status, bool active, params string[] emails) =>
        portal.WithDbAsync(async db =>
        {
            var order = await db.Organizations.CountAsync();
            var organization = new Organization { Name = name, Kind = OrganizationKind.Body, IsActive = active, SortOrder = order, CreatedAt = DateTime.UtcNow };
            organization.Contacts.AddRange(emails.Select(e => new OrganizationContact { Email = e }));
            if (group is { } g)
            {
                organization.Memberships.Add(new GroupMembership { Group = g, Status = status, SortOrder = order, Since = DateTime.UtcNow });
            }

            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });

    public static Task<List<DispatchRecipient>> RecipientsAsync(this PortalFactory portal) =>
        portal.WithDbAsync(db => db.DispatchRecipients.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    /// <summary>Waits (bounded) until the condition on the recipients holds.</summary>
    public static async Task<List<DispatchRecipient>> WaitForAsync(this PortalFactory portal, Func<List<DispatchRecipient>, bool> done, int seconds = 20)
    {
        var recipients = await portal.RecipientsAsync();
        for (var i = 0; i < seconds * 10 && !done(recipients); i++)
        {
            await Task.Delay(100);
            recipients = await portal.RecipientsAsync();
        }

        return recipients;
    }
}
