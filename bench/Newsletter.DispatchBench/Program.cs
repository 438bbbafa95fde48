// Dispatch benchmark, run by hand (results in docs/benchmarks.md):
//   dotnet run -c Release --project bench/Newsletter.DispatchBench -- 3000 [workers]
// Sends one issue to N recipients through an SMTP server on 127.0.0.1 with the portal's DispatchWorker
// (claim, send on one reused connection, mark), then the same N messages the simple way (a new SMTP
// connection per message, no claims) as the baseline, and prints both with their ratio.
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
using Newsletter.Web.Features.Admin.Dispatches;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
var folder = Directory.CreateTempSubdirectory("dispatch-bench-").FullName;
await using var smtp = new TestSmtpServer();
var options = Options.Create(new MailOptions
{
    From = "工作通讯 <newsletter@gxjsx.test>",
    Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None" },
    ClaimTimeoutSeconds = 3600,
    Concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : new MailOptions().Concurrency,
});

await using var db = new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
    .UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options);
await db.Database.MigrateAsync();
var issue = new Issue { Year = 2023, Number = 2, SerialNumber = 65, CoverMonth = 5, Status = IssueStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
var section = await db.Sections.FirstAsync();
issue.Articles.Add(new Article { Title = "杜振宗到自治区计生协调研", Body = "正文。", Section = section, Position = 1 });
var dispatch = new Dispatch { Issue = issue, Subject = "工作通讯 2023年第2期(总第65期)", CreatedAt = DateTime.UtcNow, CreatedBy = "bench" };
for (var i = 0; i < count; i++)
{
    dispatch.Recipients.Add(new DispatchRecipient
    {
        OrganizationName = $"第{i + 1}县计划生育协会", Email = $"county{i:0000}@gxjsx.test",
        Group = DistributionGroup.Distribute, Status = DeliveryStatus.Pending, NextAttemptAt = DateTime.UtcNow.AddMinutes(-1),
    });
}

db.Dispatches.Add(dispatch);
await db.SaveChangesAsync();
db.ChangeTracker.Clear();

var watch = Stopwatch.StartNew();
var sent = (await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(async _ =>
{
    await using var workerDb = new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
        .UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options);
    var worker = new DispatchWorker(workerDb, new SmtpMailSender(options), options, TimeProvider.System, NullLogger<DispatchWorker>.Instance);
    return await worker.RunOnceAsync(CancellationToken.None);
}))).Sum();
var ours = watch.Elapsed;
var perRecipient = smtp.CountByRecipient();
var duplicates = perRecipient.Count(p => p.Value > 1);
var statuses = await db.DispatchRecipients.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

// Baseline: what a simple portal does — a fresh connection for every message, nothing recorded.
var message = IssueMail.For(await db.Issues.Include(i => i.Articles).ThenInclude(a => a.Section).FirstAsync(), new Publication(), "http://localhost:5080");
var before = smtp.Messages.Count;
watch.Restart();
foreach (var recipient in await db.DispatchRecipients.AsNoTracking().ToListAsync())
{
    using var client = new SmtpClient();
    await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
    await client.SendAsync(message.ToMessage(options.Value.From, recipient));
    await client.DisconnectAsync(true);
}

var baseline = watch.Elapsed;
var baselineSent = smtp.Messages.Count - before;

Console.WriteLine($"Dispatch benchmark: {count} recipients, SMTP server on 127.0.0.1, {Environment.ProcessorCount} cores");
Console.WriteLine("| | messages | total s | messages/s |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| portal DispatchWorker ×{options.Value.Concurrency} (claim → send → mark, reused connections) | {sent} | {ours.TotalSeconds:F1} | {sent / ours.TotalSeconds:F0} |");
Console.WriteLine($"| baseline: new connection per message, no bookkeeping | {baselineSent} | {baseline.TotalSeconds:F1} | {baselineSent / baseline.TotalSeconds:F0} |");
Console.WriteLine($"ratio (ours / baseline messages per second): {(sent / ours.TotalSeconds) / (baselineSent / baseline.TotalSeconds):F2}");
Console.WriteLine($"statuses after the run: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Count}"))}");
Console.WriteLine($"duplicates (addresses that received the portal's mail twice): {duplicates}");
Console.WriteLine($"target ≤ 60 s for {count}: {(ours.TotalSeconds <= 60 ? "PASS" : "FAIL")}; zero duplicates: {(duplicates == 0 && sent == count ? "PASS" : "FAIL")}");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
