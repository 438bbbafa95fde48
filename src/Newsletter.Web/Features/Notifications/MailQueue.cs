using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.Web.Features.Notifications;

/// <summary>
/// Single messages to people (notifications), sent in the background through the portal's mail sender so that a slow
/// or broken mail server never holds up or fails the action that caused them. Kept in memory: a notification lost in
/// a restart is a reminder lost, and the editorial desk still shows the work (docs/decisions/0012). Each message is DKIM-signed
/// once as it is queued (<c>Mail:Dkim</c>), like the mail, so that a strict DMARC policy lets the notices through too.
/// </summary>
public sealed class MailQueue(DkimSigning dkim, ILogger<MailQueue> logger)
{
    private readonly Channel<MimeMessage> channel = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(MimeMessage message)
    {
        try
        {
            dkim.Sign(message);
        }
        catch (MailDeliveryException e)
        {
            logger.LogError(e, "Notification {Subject} goes out unsigned: {Reason}", message.Subject, e.Message);
        }

        channel.Writer.TryWrite(message);
    }

    public ChannelReader<MimeMessage> Reader => channel.Reader;
}

/// <summary>
/// Sends what <see cref="MailQueue"/> holds, all that is waiting on one connection; a transient failure (a 4xx reply, no
/// connection) is retried after <see cref="MailOptions.RetryBaseSeconds"/>, doubling, up to <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailQueueWorker(MailQueue queue, IMailSender sender, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailQueueWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<MimeMessage>();
            while (queue.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            for (var attempt = 1; batch.Count > 0; attempt++)
            {
                batch = await SendAsync(batch, stoppingToken);
                if (batch.Count == 0 || attempt >= options.Value.MaxAttempts)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(options.Value.RetryBaseSeconds * Math.Pow(2, attempt - 1)), clock, stoppingToken);
            }

            foreach (var message in batch)
            {
                logger.LogWarning("Notification {Subject} to {To} not sent after {Attempts} attempts", message.Subject, message.To, options.Value.MaxAttempts);
            }
        }
    }

    /// <summary>Sends each message; gives back those that failed transiently (permanent refusals are logged and dropped).</summary>
    private async Task<List<MimeMessage>> SendAsync(List<MimeMessage> batch, CancellationToken ct)
    {
        var again = new List<MimeMessage>();
        try
        {
            await using var session = await sender.OpenAsync(ct);
            foreach (var message in batch)
            {
                try
                {
                    await session.SendAsync(message, ct);
                }
                catch (MailDeliveryException e) when (e.Transient && !e.MaybeDelivered)
                {
                    again.Add(message);
                }
                catch (MailDeliveryException e)
                {
                    logger.LogWarning(e, "Notification {Subject} to {To} refused: {Reply}", message.Subject, message.To, e.Message);
                }
            }
        }
        catch (MailDeliveryException e) when (e.Transient)
        {
            logger.LogWarning(e, "Mail server unavailable for {Count} notifications; retrying", batch.Count);
            return batch;
        }
        catch (MailDeliveryException e)
        {
            logger.LogError(e, "Mail server refused the connection; {Count} notifications dropped", batch.Count);
        }

        return again;
    }
}
