using System.Globalization;
using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Newsletter.IntegrationTests.Features.Admin.Dispatches;
using Newsletter.IntegrationTests.Features.Search;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Xunit.Abstractions;
using static Newsletter.IntegrationTests.Features.Editorial.PublishRequests;

namespace Newsletter.IntegrationTests.Features.Editorial;

/// <summary>
/// The portal runs as a real process and is killed with SIGKILL at moments spread over a publish request: 60 and 250 ms
/// after it is sent, as soon as its commit is visible, and while the issue's mail is going out. After each restart the
/// issue is wholly published (status, date, readable articles, search-outbox rows applied to the index, a dispatch
/// with its recipients) or wholly not (still approved, nothing else), and search and mail carry on from there.
/// </summary>
public sealed class KillDuringPublishTests(ITestOutputHelper log) : IAsyncDisposable
{
    /// <summary>Milliseconds between sending the publish request and the kill; -1: as soon as the commit is visible.</summary>
    private static readonly int[] KillAfter = [60, 250, -1];

    /// <summary>One place per issue, named in its article, to find it by search.</summary>
    private static readonly string[] Places = ["金城江区", "宜州区", "南丹县", "天峨县"];

    private static readonly string[] Emails = Enumerable.Range(1, 6).Select(i => $"county{i}@gxjsx.test").ToArray();

    private readonly TestSmtpServer smtp = new() { Delay = TimeSpan.FromMilliseconds(250) };
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "newsletter-tests", Guid.NewGuid().ToString("N"));

    private sealed record Prepared(int Id, int Number, string Place, List<int> ArticleIds, string Subject);

    /// <summary>The search outbox before any publishing (submitting and approving leave rows too).</summary>
    private long outboxBefore;

    public async ValueTask DisposeAsync()
    {
        await smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(dataPath))
        {
            System.IO.Directory.Delete(dataPath, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = DistributionFixture.SmtpSettings(smtp, claimTimeoutSeconds: 2);
        settings["Mail:Concurrency"] = "2";
        settings["Search:PollSeconds"] = "1";
        settings["Seed:ImportOnStart"] = "false";
        return settings;
    }

    [Fact]
    public async Task A_kill_while_publishing_leaves_each_issue_wholly_published_or_not_and_search_and_mail_carry_on()
    {
        var started = DateTime.UtcNow;
        var issues = await PrepareApprovedIssuesAsync(KillAfter.Length + 1);
        log.WriteLine($"{issues.Count} approved issues prepared in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        var published = new List<bool>();
        var portal = await StartAsync();
        try
        {
            for (var k = 0; k < KillAfter.Length; k++)
            {
                var chief = await SignInAsync(portal);
                var publishing = await SendPublishAsync(chief, issues[k].Id);
                if (KillAfter[k] >= 0)
                {
                    await Task.Delay(KillAfter[k]);
                }
                else
                {
                    await CommittedAsync(issues[k].Id);
                }

                portal.Kill();
                log.WriteLine($"kill {(KillAfter[k] >= 0 ? $"{KillAfter[k]} ms after the request" : "once the commit is visible")}: {await AnswerAsync(publishing)}");
                portal.Dispose();
                portal = await StartAsync();
                published.Add(await AssertWhollyPublishedOrNotAsync(portal, issues[k]));
            }

            // The last one is published for certain; the kill lands while its mail is going out.
            var last = issues[^1];
            Assert.Equal(HttpStatusCode.Redirect, (await (await SendPublishAsync(await SignInAsync(portal), last.Id))).StatusCode);
            for (var i = 0; i < 400 && !smtp.Messages.Any(m => m.Subject == last.Subject); i++)
            {
                await Task.Delay(50);
            }

            portal.Kill();
            var atKill = smtp.Messages.Count(m => m.Subject == last.Subject);
            portal.Dispose();
            portal = await StartAsync();
            published.Add(await AssertWhollyPublishedOrNotAsync(portal, last));
            Assert.True(published[^1]);
            log.WriteLine($"published after each kill: {string.Join(", ", published)}");

            // An issue the kill left unpublished is not stuck: it publishes normally now.
            if (published.IndexOf(false) is var k0 and >= 0)
            {
                var response = await (await SendPublishAsync(await SignInAsync(portal), issues[k0].Id));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                published[k0] = await AssertWhollyPublishedOrNotAsync(portal, issues[k0]);
                Assert.True(published[k0]);
            }

            log.WriteLine($"published at the end: {string.Join(", ", published)}");
            await AssertEveryRecipientGotOneMessageOrIsUnknownAsync(issues.Where((_, i) => published[i]).ToList());
            log.WriteLine($"whole test so far: {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

            // The dispatch interrupted by the last kill went on after the restart.
            Assert.InRange(atKill, 1, Emails.Length - 1);
            Assert.True(smtp.Messages.Count(m => m.Subject == last.Subject) > atKill);
        }
        catch
        {
            log.WriteLine(portal.Output);
            throw;
        }
        finally
        {
            portal.Dispose();
        }
    }

    private async Task<PortalProcess> StartAsync()
    {
        var started = DateTime.UtcNow;
        var portal = await PortalProcess.StartAsync(dataPath, Settings());
        log.WriteLine($"portal process started in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        return portal;
    }

    /// <summary>Waits (bounded) until another connection sees the issue published.</summary>
    private async Task CommittedAsync(int issueId)
    {
        for (var i = 0; i < 1000; i++)
        {
            await using var db = Database();
            if (await db.Issues.AnyAsync(x => x.Id == issueId && x.Status == IssueStatus.Published))
            {
                return;
            }
        }
    }

    /// <summary>Issues 2023年第3期… approved through the forms, in-process, on the data folder the process will use.</summary>
    private async Task<List<Prepared>> PrepareApprovedIssuesAsync(int count)
    {
        using var setup = new PortalFactory { DataPath = dataPath, DeleteDataOnDispose = false, Settings = Settings() };
        for (var i = 0; i < Emails.Length; i++)
        {
            await setup.AddAsync($"第{i + 1}县计划生育协会", DistributionGroup.Distribute, Emails[i]);
        }

        await setup.EnsureUserAsync(Roles.ChiefEditor);
        var editor = await setup.SignedInAsync(Roles.Editor);
        var chief = await setup.SignedInAsync(Roles.ChiefEditor);
        var issues = new List<Prepared>();
        for (var k = 0; k < count; k++)
        {
            var place = Places[k];
            var articleId = await editor.WriteArticleAsync($"{place}开展婚育新风进万家活动", $"河池市计生协在{place}举办婚育新风进万家宣传活动。");
            await editor.ArticleActionAsync(articleId, ArticleAction.Accept);
            var number = 3 + k;
            var issueId = EditorialSteps.IdFrom(await editor.PostFormAsync("/editorial/issues/new", "/editorial/issues/new", new()
            {
                ["Year"] = "2023", ["Number"] = number.ToString(CultureInfo.InvariantCulture),
                ["SerialNumber"] = (66 + k).ToString(CultureInfo.InvariantCulture), ["CoverMonth"] = "6",
            }));
            await editor.PostFormAsync($"/editorial/issues/{issueId}", $"/editorial/issues/{issueId}/place", new() { ["articleId"] = articleId.ToString(CultureInfo.InvariantCulture), ["sectionId"] = "6" });
            await editor.IssueActionAsync(issueId, IssueAction.SubmitForReview);
            await chief.IssueActionAsync(issueId, IssueAction.Approve, new() { ["HitsReviewed"] = "true" });
            var issue = await setup.IssueAsync(issueId);
            Assert.Equal(IssueStatus.Approved, issue.Status);
            issues.Add(new Prepared(issueId, number, place, [articleId], $"工作通讯 {issue.FullLabel}"));
        }

        outboxBefore = await setup.WithDbAsync(db => db.SearchOutbox.MaxAsync(e => (long?)e.Id)) ?? 0;
        setup.Dispose();
        SqliteConnection.ClearAllPools();
        return issues;
    }

    private async Task<bool> AssertWhollyPublishedOrNotAsync(PortalProcess portal, Prepared prepared)
    {
        await using var db = Database();
        var issue = await db.Issues.AsNoTracking().SingleAsync(i => i.Id == prepared.Id);
        var outbox = await db.SearchOutbox.Where(e => e.IssueId == prepared.Id && e.Id > outboxBefore).Select(e => e.Id).ToListAsync();
        var dispatch = await db.Dispatches.AsNoTracking().Include(d => d.Recipients).SingleOrDefaultAsync(d => d.IssueId == prepared.Id);
        var audit = await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Issue) && e.EntityId == prepared.Id.ToString() && e.Action == "立即发布");
        var reader = portal.Browser();
        var pages = new List<string> { $"/issues/2023/{prepared.Number}" }.Concat(prepared.ArticleIds.Select(id => $"/articles/{id}"));
        var statuses = new List<HttpStatusCode>();
        foreach (var page in pages)
        {
            statuses.Add((await reader.GetAsync(page)).StatusCode);
        }

        if (issue.Status != IssueStatus.Published)
        {
            Assert.Equal(IssueStatus.Approved, issue.Status);
            Assert.Null(issue.PublishedAt);
            Assert.Empty(outbox);
            Assert.Null(dispatch);
            Assert.Equal(0, audit);
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
            Assert.Equal(0, (await SearchPage.GetAsync(reader, prepared.Place)).Count);
            return false;
        }

        Assert.NotNull(issue.PublishedAt);
        Assert.NotEmpty(outbox);
        Assert.NotNull(dispatch);
        Assert.Equal(Emails.Order(), dispatch.Recipients.Select(r => r.Email).Order());
        Assert.Equal(1, audit);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        // The restarted portal applies the outbox: the index's position passes the rows and the issue is found.
        var found = 0;
        for (var i = 0; i < 100 && (found != 1 || IndexPosition() < outbox.Max()); i++)
        {
            await Task.Delay(100);
            found = (await SearchPage.GetAsync(reader, prepared.Place)).Count;
        }

        Assert.Equal(1, found);
        Assert.True(IndexPosition() >= outbox.Max(), $"index at {IndexPosition()}, outbox rows {string.Join(",", outbox)}");
        return true;
    }

    private async Task AssertEveryRecipientGotOneMessageOrIsUnknownAsync(List<Prepared> published)
    {
        List<(string Email, string Subject, DeliveryStatus Status)> recipients = [];
        for (var i = 0; i < 300; i++)
        {
            await using var db = Database();
            recipients = (await db.DispatchRecipients.AsNoTracking()
                    .Join(db.Dispatches, r => r.DispatchId, d => d.Id, (r, d) => new { r.Email, d.Subject, r.Status }).ToListAsync())
                .Select(r => (r.Email, r.Subject, r.Status)).ToList();
            if (recipients.All(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Unknown))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(published.Count * Emails.Length, recipients.Count);
        var received = smtp.Messages.SelectMany(m => m.To.Mailboxes.Select(a => (Email: a.Address.ToLowerInvariant(), Subject: m.Subject ?? "")))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        log.WriteLine($"recipients: {recipients.Count(r => r.Status == DeliveryStatus.Sent)} sent, {recipients.Count(r => r.Status == DeliveryStatus.Unknown)} 状态不明; messages: {smtp.Messages.Count}");
        Assert.All(received, pair => Assert.Equal(1, pair.Value));
        Assert.All(received.Keys, key => Assert.Contains((key.Email, key.Subject), recipients.Select(r => (r.Email, r.Subject))));
        Assert.All(recipients, r => Assert.True(
            r.Status == DeliveryStatus.Unknown || (r.Status == DeliveryStatus.Sent && received.ContainsKey((r.Email, r.Subject))),
            $"{r.Email} / {r.Subject}: {r.Status}"));
    }

    private NewsletterDbContext Database() => new SqliteNewsletterDbContext(new DbContextOptionsBuilder<SqliteNewsletterDbContext>()
        .UseSqlite($"Data Source={Path.Combine(dataPath, "newsletter.db")};Pooling=False").Options);

    private long IndexPosition()
    {
        using var directory = FSDirectory.Open(Path.Combine(dataPath, "index"));
        using var reader = DirectoryReader.Open(directory);
        return long.Parse(reader.IndexCommit.UserData["outbox"], CultureInfo.InvariantCulture);
    }
}
