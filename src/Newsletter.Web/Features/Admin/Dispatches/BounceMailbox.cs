using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Reads the bounce mailbox the deployer's mail server delivers into: a Maildir folder (<c>Mail:Bounces:Maildir</c>), whose
/// complete messages in new/ are applied, then moved to cur/ (marked seen), and/or an IMAP folder (<c>Mail:Bounces:Imap</c>),
/// whose unseen messages are applied, then flagged \Seen — so that none is read twice. A report that matches nothing, or a
/// message that is no report at all, is logged and marked read too.
/// </summary>
public sealed class BounceMailbox(BounceRecorder recorder, IOptions<MailOptions> options, ILogger<BounceMailbox> logger)
{
    /// <summary>One pass over each configured mailbox; returns how many messages were processed.</summary>
    public async Task<int> ReadAsync(CancellationToken ct) => await ReadMaildirAsync(ct) + await ReadImapAsync(ct);

    /// <summary>
    /// One IMAP session: the folder's unseen messages, oldest first, each applied and then flagged \Seen (a crash between the
    /// two reads it again next time, which the recorder's once-per-recipient rule makes harmless).
    /// </summary>
    public async Task<int> ReadImapAsync(CancellationToken ct)
    {
        var imap = options.Value.Bounces.Imap;
        if (!imap.Configured)
        {
            return 0;
        }

        using var client = new ImapClient();
        var security = Enum.TryParse<SecureSocketOptions>(imap.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(imap.Host!, imap.Port, security, ct);
        if (!string.IsNullOrEmpty(imap.User))
        {
            await client.AuthenticateAsync(imap.User, imap.Password ?? "", ct);
        }

        var folder = await client.GetFolderAsync(imap.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, ct);
        foreach (var uid in unseen)
        {
            var source = $"imap:{imap.Folder}/{uid.Id}";
            var report = await TryReadAsync(source, async () => await folder.GetMessageAsync(uid, ct));
            if (report is null)
            {
                logger.LogWarning("Mail {Source} in the bounce mailbox is no delivery-status report; ignored", source);
            }
            else
            {
                await recorder.ApplyAsync(report, source, ct);
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, ct);
        }

        await client.DisconnectAsync(true, ct);
        return unseen.Count;
    }

    private async Task<int> ReadMaildirAsync(CancellationToken ct)
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
            var report = await TryReadAsync(name, () => MimeMessage.LoadAsync(file, ct));
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

    private async Task<BounceReport?> TryReadAsync(string source, Func<Task<MimeMessage>> load)
    {
        try
        {
            return BounceReport.Read(await load());
        }
        catch (FormatException ex)
        {
            logger.LogWarning(ex, "Mail {Source} in the bounce mailbox cannot be parsed", source);
            return null;
        }
    }
}

/// <summary>Reads the bounce mailbox every <c>Mail:Bounces:PollSeconds</c> when a Maildir or an IMAP mailbox is configured.</summary>
public sealed class BounceMailboxService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<BounceMailboxService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Bounces.Configured)
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
