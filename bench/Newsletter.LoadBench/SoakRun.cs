using System.Diagnostics;
using System.Globalization;
using System.Net;
using Newsletter.IntegrationTests;

namespace Newsletter.LoadBench;

/// <summary>
/// The soak: wrk with a mix of reading and searching for the whole duration while, at the publish moment, an editor
/// publishes a new issue with 发送电子邮件 ticked (a dispatch to every address in 送/发, delivered to an SMTP server
/// in this process). RSS is sampled every 10 s.
/// </summary>
public static class SoakRun
{
    private const string NewTitle = "河池市开展婚育新风进万家活动";

    public static async Task<bool> RunAsync(Options options, Setup setup, TestSmtpServer smtp)
    {
        var portal = setup.Portal;
        var script = SoakScript.Write(setup.Root, setup.Facts, options.Seed);
        using var reader = new HttpClient { BaseAddress = new Uri(portal.Url) };
        await Paths.CheckAsync(reader, ["/", Paths.Search(Paths.Queries[0])]);
        var (newYear, newNumber) = (ArchiveWriter.NewestYear + 1, 1);
        var newIssue = Paths.Issue(newYear, newNumber);
        var newsroom = new Newsroom(portal.Url);
        var chiefPassword = Newsroom.NewPassword();
        using (var admin = await newsroom.SignInAsync(Newsroom.AdminEmail, setup.AdminPassword))
        {
            await Newsroom.CreateChiefEditorAsync(admin, chiefPassword); // before the load: the administrator's work is not part of the soak
        }

        Setup.Log($"soak: wrk -t{options.Threads} -c{options.Connections} -d{options.Duration.TotalSeconds:F0}s with {script}; "
            + $"publishing {newYear}年第{newNumber}期 at {options.PublishAt.TotalSeconds:F0} s");
        var clock = Stopwatch.StartNew();
        var load = Wrk.RunAsync(portal.Url + "/", options.Threads, options.Connections, options.Duration, script, timeout: "10s");
        var samples = new List<(TimeSpan At, double Mb)>();
        Task<PublishedIssue>? publication = null;
        while (!load.IsCompleted)
        {
            samples.Add((clock.Elapsed, portal.RssMb()));
            if (publication is null && clock.Elapsed >= options.PublishAt)
            {
                publication = PublishAsync(setup, newsroom, chiefPassword, reader, newIssue, smtp, clock);
            }

            var wake = TimeSpan.FromMilliseconds(10_000 - (clock.ElapsedMilliseconds % 10_000));
            if (publication is null && options.PublishAt - clock.Elapsed is var untilPublish && untilPublish < wake)
            {
                wake = untilPublish > TimeSpan.Zero ? untilPublish : TimeSpan.Zero;
            }

            await Task.WhenAny(load, Task.Delay(wake));
        }

        var result = await load;
        await File.WriteAllTextAsync(Path.Combine(setup.Root, "wrk-soak.txt"), result.Output);
        samples.Add((clock.Elapsed, portal.RssMb()));
        var published = publication is null ? null : await publication;
        return Report(options, setup, result, samples, published);
    }

    private static bool Report(Options options, Setup setup, WrkResult result, List<(TimeSpan At, double Mb)> samples, PublishedIssue? published)
    {
        var statuses = SoakScript.Statuses(result.Output);
        var serverErrors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        Console.WriteLine();
        Console.WriteLine($"Soak: {setup.Facts.Articles} articles; wrk -t{options.Threads} -c{options.Connections} -d{options.Duration.TotalSeconds:F0}s, "
            + $"mixed reading and searching ({Environment.ProcessorCount} cores, load average {LoadRun.LoadAverage()})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests {result.Requests} ({result.RequestsPerSecond:F0}/s), p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, "
            + $"socket errors {result.SocketErrors}; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}"))}"));
        Console.WriteLine("RSS (MB) every 10 s: " + string.Join(" ", samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At.TotalSeconds:F0}s:{s.Mb:F0}"))));

        var window = TimeSpan.FromSeconds(Math.Min(300, options.Duration.TotalSeconds / 2));
        var last = samples.Where(s => s.At >= samples[^1].At - window).ToList();
        var reference = last[0].Mb;
        var drift = last.Max(s => Math.Abs(s.Mb - reference) / reference);
        var checks = new Checks();
        checks.Add("zero 5xx", $"{serverErrors} of {statuses.Values.Sum()} responses", serverErrors == 0 && statuses.Count > 0);
        if (published is null)
        {
            checks.Add("published issue visible to readers ≤ 2 s after the publish response", "not published (run shorter than --publish-at)", false);
        }
        else
        {
            Console.WriteLine(published.Describe());
            var underLoad = published.At < samples[^1].At;
            checks.Add("published issue visible to readers ≤ 2 s after the publish response",
                published.Visible is { } visible
                    ? string.Create(CultureInfo.InvariantCulture, $"{visible.TotalSeconds:F2} s{(underLoad ? "" : " (but published after the load had ended)")}")
                    : published.Failure ?? "never",
                published.Visible <= TimeSpan.FromSeconds(2) && underLoad);
            checks.Add("the dispatch delivered to every address", $"{published.Delivered} of {setup.Facts.Recipients}",
                published.Delivered == setup.Facts.Recipients);
        }

        checks.Add($"memory flat within ±10% over the last {window.TotalMinutes:0.#} min", string.Create(CultureInfo.InvariantCulture,
            $"{reference:F0} MB at {last[0].At.TotalSeconds:F0} s, {last.Min(s => s.Mb):F0}–{last.Max(s => s.Mb):F0} MB after, max drift {drift:P1}"),
            drift <= 0.10);
        checks.Print();
        return checks.AllPassed;
    }

    private static async Task<PublishedIssue> PublishAsync(
        Setup setup, Newsroom newsroom, string chiefPassword, HttpClient reader, string newIssue, TestSmtpServer smtp, Stopwatch clock)
    {
        var started = clock.Elapsed;
        try
        {
            using var chief = await newsroom.SignInAsync(Newsroom.ChiefEmail, chiefPassword);
            using (var before = await reader.GetAsync(newIssue))
            {
                if (before.StatusCode != HttpStatusCode.NotFound)
                {
                    return new PublishedIssue(started, null, null, 0, null, $"{newIssue} answered {(int)before.StatusCode} before publication");
                }
            }

            var body = string.Join("\n\n", SeedParagraphs());
            var articleId = await Newsroom.PublishIssueAsync(chief, ArchiveWriter.NewestYear + 1, 1, ((ArchiveWriter.NewestYear + 1 - 2010) * 6) + 1, NewTitle, body);
            var published = Stopwatch.StartNew();
            var at = clock.Elapsed;
            var visible = await UntilAsync(async () =>
            {
                using var response = await reader.GetAsync(newIssue);
                return response.StatusCode == HttpStatusCode.OK;
            }, published);
            var searchable = await UntilAsync(async () =>
                (await reader.GetStringAsync(Paths.Search("婚育新风") + "&sort=Date")).Contains($"href=\"/articles/{articleId}\"", StringComparison.Ordinal), published);
            await UntilAsync(() => Task.FromResult(smtp.Messages.Count >= setup.Facts.Recipients), published, TimeSpan.FromMinutes(5));
            var delivered = smtp.Messages.Count;
            return new PublishedIssue(at, visible, searchable, delivered, published.Elapsed, null);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            Setup.Log("publishing failed: " + e.Message);
            return new PublishedIssue(started, null, null, smtp.Messages.Count, null, e.Message);
        }
    }

    /// <summary>Polls every 50 ms until the condition holds; returns the time since <paramref name="since"/> started, or null after the limit.</summary>
    private static async Task<TimeSpan?> UntilAsync(Func<Task<bool>> condition, Stopwatch since, TimeSpan? limit = null)
    {
        while (since.Elapsed < (limit ?? TimeSpan.FromSeconds(60)))
        {
            if (await condition())
            {
                return since.Elapsed;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private static IEnumerable<string> SeedParagraphs() => Newsletter.SyntheticArchive.SeedPool.Load().Paragraphs.Take(3)
        .Prepend("河池市计生协组织志愿者深入乡村，开展婚育新风进万家活动，宣传科学育儿和优生优育知识。");

    /// <summary>When the issue was published (since the soak began), and how long readers, search and mail took after the publish response.</summary>
    private sealed record PublishedIssue(TimeSpan At, TimeSpan? Visible, TimeSpan? Searchable, int Delivered, TimeSpan? DeliveredAfter, string? Failure)
    {
        public string Describe() => Failure is not null
            ? $"publication at {At.TotalSeconds:F0} s failed: {Failure}"
            : string.Create(CultureInfo.InvariantCulture,
                $"published at {At.TotalSeconds:F0} s: issue page 200 for readers after {Visible?.TotalSeconds:F2} s, found by search after "
                + $"{Searchable?.TotalSeconds:F2} s, {Delivered} messages delivered by {DeliveredAfter?.TotalSeconds:F1} s");
    }
}
