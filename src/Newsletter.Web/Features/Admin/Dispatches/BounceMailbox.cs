using Microsoft.Extensions.Options;
using MimeKit;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Reads the bounce mailbox the deployer's mail server delivers into as a Maildir (<c>Mail:Bounces:Maildir</c>): each
/// complete message in new/ is applied, then moved to cur/ (marked seen) so it is never read twice — a report that
/// matches nothing, or is no report at all, is logged and moved too.
/// </summary>
public sealed class BounceMailbox(BounceRecorder recorder, IOptions<MailOptions> options, ILogger<BounceMailbox> logger)
{
    /// <summary>One pass over new/; returns how many files were processed.</summary>
    public async Task<int> ReadAsync(CancellationToken ct)
    {
        if (options.Value.Bounces.Maildir is not { Length: > 0 } root)
        {
            return 0;
        }

        var incoming = Path.Combine(root, "new");
        var seen = Path.Combine(root, "cur");
        if (!Directory.Exists(incoming))
        {
            logger.LogWarning("Bounce Maildir {Folder} has no new/ folder; nothing read", root);
            return 0;
        }

        Directory.CreateDirectory(seen);
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(incoming).Order(StringComparer.Ordinal).ToList())
        {
            var name = Path.GetFileName(file);
            var report = await TryReadAsync(file, ct);
            if (report is null)
            {
                logger.LogWarning("Mail {File} in the bounce mailbox is no delivery-status report; ignored", name);
            }
            else
            {
                await recorder.ApplyAsync(report, name, ct);
            }

            // Maildir's info suffix: version 2, flag S (seen).
            File.Move(file, Path.Combine(seen, name.Contains(Separator + "2,", StringComparison.Ordinal) ? name : name + Separator + "2,S"), overwrite: true);
            count++;
        }

        return count;
    }

    private static char Separator => OperatingSystem.IsWindows() ? '!' : ':';

    private async Task<BounceReport?> TryReadAsync(string file, CancellationToken ct)
    {
        try
        {
            return BounceReport.Read(await MimeMessage.LoadAsync(file, ct));
        }
        catch (FormatException ex)
        {
            logger.LogWarning(ex, "Mail {File} in the bounce mailbox cannot be parsed", file);
            return null;
        }
    }
}

/// <summary>Reads the bounce mailbox every <c>Mail:Bounces:PollSeconds</c> when a Maildir is configured.</summary>
public sealed class BounceMailboxService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<BounceMailboxService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Bounces.Maildir))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Bounces.PollSeconds)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BounceMailbox>().ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading the bounce mailbox failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
