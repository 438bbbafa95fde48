// Dispatch benchmark, run by hand (results in docs/benchmarks.md):
//   dotnet run -c Release --project bench/Newsletter.DispatchBench -- 3000 [workers]
// A mailing list of N addresses as the portal keeps it — organisations in the 发 list with their contacts, 5% of the
// addresses 已退订 (unsubscribed), 2% bouncing (the SMTP server answers 550 at RCPT; each had two hard bounces before, so
// this one stops it: 退信停发), and 1% of the organisations sharing an address with another — is sent one issue through
// an SMTP server on 127.0.0.1 by the portal's own DistributionLists (the dispatch) and DispatchWorker (claim, send on
// reused connections, mark; a 550 counted by the BounceRecorder). Then a second dispatch of the same list, which must skip
// the unsubscribed and now stopped addresses. Then the baseline: the same deliverable messages the simple way (a new SMTP
// connection per message, no claims, no bookkeeping). Prints both with their ratio, and the checks: ≤ 60 s, 0 duplicates,
// 0 mails to unsubscribed or stopped addresses.
using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newsletter.IntegrationTests;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Admin.Dispatches;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
var folder = Directory.CreateTempSubdirectory("dispatch-bench-").FullName;
var database = $"Data Source={Path.Combine(folder, "bench.db")}";
await using var smtp = new TestSmtpServer();
var options = Options.Create(new MailOptions
{
    From = "工作通讯 <newsletter@gxjsx.test>",
    Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None" },
    ClaimTimeoutSeconds = 3600,
    Concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : new MailOptions().Concurrency,
});
SqliteNewsletterDbContext Context() => new(new DbContextOptionsBuilder<SqliteNewsletterDbContext>().UseSqlite(database).Options);

await using var db = Context();
await db.Database.MigrateAsync();
var issue = new Issue { Year = 2023, Number = 2, SerialNumber = 65, CoverMonth = 5, Status = IssueStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
var section = await db.Sections.FirstAsync();
issue.Articles.Add(new Article { Title = "杜振宗到自治区计生协调研", Body = "正文。", Section = section, Position = 1 });
db.Issues.Add(issue);

// The list: one organisation per address; every 20th address unsubscribed, every 50th (offset) bouncing; every 100th
// organisation gets a second contact that is another organisation's address (allowed; one mail per address per dispatch).
var unsubscribed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
var bouncing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i < count; i++)
{
    var email = $"county{i:0000}@gxjsx.test";
    var organization = new Organization { Name = $"第{i + 1}县计划生育协会", Kind = OrganizationKind.County, SortOrder = i, CreatedAt = DateTime.UtcNow };
    var contact = new OrganizationContact { Email = email };
    if (i % 20 == 0)
    {
        contact.UnsubscribedAt = DateTime.UtcNow;
        unsubscribed.Add(email);
    }
    else if (i % 50 == 7)
    {
        contact.HardBounces = options.Value.Bounces.StopAfter - 1;
        bouncing.Add(email);
        smtp.Refused.Add(email);
    }

    organization.Contacts.Add(contact);
    if (i % 100 == 99)
    {
        organization.Contacts.Add(new OrganizationContact { Email = $"county{i - 1:0000}@gxjsx.test" });
    }

    organization.Memberships.Add(new GroupMembership { Group = DistributionGroup.Distribute, Status = MembershipStatus.Active, SortOrder = i, Since = DateTime.UtcNow });
    db.Organizations.Add(organization);
}

await db.SaveChangesAsync();
db.ChangeTracker.Clear();

async Task<(int Sent, TimeSpan Elapsed, int DispatchId)> DispatchAsync()
{
    var watch = Stopwatch.StartNew();
    int dispatchId;
    await using (var listDb = Context())
    {
        var lists = new DistributionLists(listDb, TimeProvider.System);
        var made = await lists.CreateDispatchAsync(await listDb.Issues.SingleAsync(), "工作通讯 2023年第2期(总第65期)", "bench");
        await listDb.SaveChangesAsync();
        dispatchId = made!.Id;
    }

    var sent = (await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(async _ =>
    {
        await using var workerDb = Context();
        var bounces = new BounceRecorder(workerDb, new AuditLog(workerDb, TimeProvider.System), options, TimeProvider.System, NullLogger<BounceRecorder>.Instance);
        var worker = new DispatchWorker(workerDb, new SmtpMailSender(options), options, TimeProvider.System, NullLogger<DispatchWorker>.Instance, bounces: bounces);
        return await worker.RunOnceAsync(CancellationToken.None);
    }))).Sum();
    return (sent, watch.Elapsed, dispatchId);
}

var first = await DispatchAsync();
var afterFirst = smtp.CountByRecipient();
var refusedFirst = smtp.RefusedAttempts.Values.Sum();
var second = await DispatchAsync();
await smtp.SettledAsync();
var received = smtp.CountByRecipient();
var statuses = await db.DispatchRecipients.GroupBy(r => new { r.DispatchId, r.Status }).Select(g => new { g.Key.DispatchId, g.Key.Status, Count = g.Count() })
    .OrderBy(s => s.DispatchId).ThenBy(s => s.Status).ToListAsync();
var stopped = await db.OrganizationContacts.CountAsync(c => c.StoppedAt != null);
var duplicates = afterFirst.Count(p => p.Value > 1) + received.Count(p => p.Value > 2);
var toUnsubscribed = received.Where(p => unsubscribed.Contains(p.Key)).Sum(p => p.Value);
var toStopped = smtp.RefusedAttempts.Values.Sum() - refusedFirst; // offered at RCPT TO by the 2nd dispatch, after they were stopped

// Baseline: what a simple portal does — a fresh connection for every deliverable message, nothing recorded.
var message = IssueMail.For(await db.Issues.Include(i => i.Articles).ThenInclude(a => a.Section).FirstAsync(), new Publication(), "http://localhost:5080");
var deliverable = await db.DispatchRecipients.AsNoTracking().Where(r => r.DispatchId == first.DispatchId && r.Status == DeliveryStatus.Sent).ToListAsync();
var before = smtp.Messages.Count;
var baselineWatch = Stopwatch.StartNew();
foreach (var recipient in deliverable)
{
    using var client = new SmtpClient();
    await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
    await client.SendAsync(message.ToMessage(options.Value.From, recipient));
    await client.DisconnectAsync(true);
}

var baseline = baselineWatch.Elapsed;
var baselineSent = smtp.Messages.Count - before;

Console.WriteLine($"Dispatch benchmark: {count} addresses ({unsubscribed.Count} 已退订, {bouncing.Count} bouncing with 550), SMTP server on 127.0.0.1, {Environment.ProcessorCount} cores");
Console.WriteLine("| | messages | total s | messages/s |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| portal, 1st dispatch: DistributionLists + DispatchWorker ×{options.Value.Concurrency} | {first.Sent} | {first.Elapsed.TotalSeconds:F1} | {first.Sent / first.Elapsed.TotalSeconds:F0} |");
Console.WriteLine($"| portal, 2nd dispatch of the same list | {second.Sent} | {second.Elapsed.TotalSeconds:F1} | {second.Sent / second.Elapsed.TotalSeconds:F0} |");
Console.WriteLine($"| baseline: new connection per message, no bookkeeping | {baselineSent} | {baseline.TotalSeconds:F1} | {baselineSent / baseline.TotalSeconds:F0} |");
Console.WriteLine($"ratio (1st dispatch / baseline messages per second): {(first.Sent / first.Elapsed.TotalSeconds) / (baselineSent / baseline.TotalSeconds):F2}");
Console.WriteLine($"recipient rows by dispatch and state: {string.Join(", ", statuses.Select(s => $"#{s.DispatchId} {s.Status} {s.Count}"))}");
Console.WriteLine($"addresses stopped (退信停发) after the 1st dispatch: {stopped}");
Console.WriteLine($"duplicates (an address mailed twice by one dispatch): {duplicates}; mails to unsubscribed addresses: {toUnsubscribed}; mails offered to stopped addresses by the 2nd dispatch: {toStopped} (1st dispatch: {refusedFirst} refused 550)");
var expected = count - unsubscribed.Count - bouncing.Count;
Console.WriteLine($"target ≤ 60 s for {count}: {(first.Elapsed.TotalSeconds <= 60 ? "PASS" : "FAIL")}; " +
    $"0 duplicates, 0 to unsubscribed or stopped, {expected} delivered each time: {(duplicates == 0 && toUnsubscribed == 0 && toStopped == 0 && first.Sent == expected && second.Sent == expected && stopped == bouncing.Count ? "PASS" : "FAIL")}");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
