using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Sends pending recipients, one at a time: claim (a conditional update only one node can win), send,
/// then mark sent. A claim whose node died before marking becomes 状态不明 after the claim timeout and
/// waits for an administrator — it is never sent again silently.
/// </summary>
/// <param name="pictures">The articles' lead pictures for the mail; none without it (the dispatch benchmark).</param>
/// <param name="bounces">Counts a 5xx refusal of an address as a hard bounce; none in the benchmark.</param>
/// <param name="limiter">Keeps all workers under <c>Mail:MaxPerMinute</c>; none: no limit.</param>
/// <param name="dkim">Signs each message when <c>Mail:Dkim</c> is configured.</param>
/// <param name="unsubscribe">Makes each recipient's unsubscribe link; none without it (the dispatch benchmark).</param>
public sealed class DispatchWorker(
    NewsletterDbContext db, IMailSender sender, IOptions<MailOptions> options, TimeProvider clock, ILogger<DispatchWorker> logger,
    MailPictures? pictures = null, BounceRecorder? bounces = null, SendRateLimiter? limiter = null, DkimSigning? dkim = null,
    UnsubscribeTokens? unsubscribe = null)
{
    public static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    private MailOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One pass: recovers stale claims, then sends everything due; returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await RecoverStaleClaimsAsync(ct);
        var sent = 0;
        var sentOnSession = 0;
        IMailSession? session = null;
        var mails = new Dictionary<int, IssueMail>();
        try
        {
            while (true)
            {
                var now = Now;
                var due = await db.DispatchRecipients.AsNoTracking().Where(r => r.Status == DeliveryStatus.Pending && r.NextAttemptAt <= now)
                    .OrderBy(r => r.Id).Take(100).ToListAsync(ct);
                if (due.Count == 0)
                {
                    return sent;
                }

                foreach (var candidate in due)
                {
                    var id = candidate.Id;
                    // Wait for the rate limit before claiming, so a waiting worker holds no claim (a lost claim is a 状态不明).
                    var slot = limiter is null ? null : await limiter.WaitAsync(ct);
                    if (!await ClaimAsync(id, ct))
                    {
                        limiter?.Return(slot);
                        continue;
                    }

                    // The list may be stale: another worker may have tried this recipient since. Count from the row as claimed.
                    var recipient = await db.DispatchRecipients.AsNoTracking().SingleAsync(r => r.Id == id, ct);

                    var sending = false;
                    try
                    {
                        await StoreMessageIdAsync(recipient, ct);
                        var message = (await MailAsync(recipient.DispatchId, mails, ct)).ToMessage(Options.From, recipient,
                            recipient.OrganizationId is { } organizationId ? unsubscribe?.Url(organizationId, recipient.Email) : null);
                        dkim?.Sign(message);
                        if (session is not null && sentOnSession >= Options.MessagesPerConnection)
                        {
                            await session.DisposeAsync();
                            session = null;
                        }

                        if (session is null)
                        {
                            session = await sender.OpenAsync(ct);
                            sentOnSession = 0;
                        }

                        sending = true;
                        await session.SendAsync(message, ct);
                        sentOnSession++;
                        await MarkAsync(id, DeliveryStatus.Sent, recipient.Attempts + 1, null, null, ct);
                        sent++;
                    }
                    catch (MailDeliveryException ex)
                    {
                        // The address's bounce first: once the recipient shows 失败, its address already carries the count.
                        if (ex.RecipientRefused && bounces is not null)
                        {
                            await bounces.HardBounceAsync(recipient.OrganizationId, recipient.Email, ex.Message, ct);
                        }

                        await FailAsync(recipient, ex, ct);

                        if (session is not null && ex.Transient)
                        {
                            await session.DisposeAsync();
                            session = null;
                        }
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        await ReleaseAsync(recipient, sending);
                        throw;
                    }
                    catch (Exception ex)
                    {
                        // Not an SMTP reply (a message that cannot be built, a library fault): this recipient's failure, with
                        // its reason, never a claim left behind. The connection's state is unknown, so the next one starts afresh.
                        await FailAsync(recipient, new MailDeliveryException($"无法生成或发送给“{recipient.Email}”的邮件：{ex.Message}", transient: false, ex), ct);
                        if (session is not null)
                        {
                            await session.DisposeAsync();
                            session = null;
                        }
                    }
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Gives the recipient its Message-ID and stores it before the send, so that a bounce report can always be matched; a
    /// retry keeps the first one (an earlier attempt that was refused was never delivered).
    /// </summary>
    private async Task StoreMessageIdAsync(DispatchRecipient recipient, CancellationToken ct)
    {
        if (recipient.MessageId is not null)
        {
            return;
        }

        var messageId = IssueMail.NewMessageId(recipient, Options.MessageIdDomain());
        await db.DispatchRecipients.Where(r => r.Id == recipient.Id && r.Status == DeliveryStatus.Claimed && r.ClaimedBy == Node)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.MessageId, messageId), ct);
        recipient.MessageId = messageId;
    }

    private async Task RecoverStaleClaimsAsync(CancellationToken ct)
    {
        var before = Now.AddSeconds(-Options.ClaimTimeoutSeconds);
        var lost = await db.DispatchRecipients.Where(r => r.Status == DeliveryStatus.Claimed && r.ClaimedAt < before)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, DeliveryStatus.Unknown)
                .SetProperty(r => r.LastError, "发送过程中断（服务重启或掉线），无法确认对方是否收到，请管理员决定是否重发。"), ct);
        if (lost > 0)
        {
            logger.LogWarning("{Count} recipient(s) were claimed but never confirmed; marked unknown for an administrator", lost);
        }
    }

    private async Task<bool> ClaimAsync(long id, CancellationToken ct)
    {
        var now = Now;
        return await db.DispatchRecipients.Where(r => r.Id == id && r.Status == DeliveryStatus.Pending && r.NextAttemptAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, DeliveryStatus.Claimed)
                .SetProperty(r => r.ClaimedAt, now).SetProperty(r => r.ClaimedBy, Node), ct) == 1;
    }

    /// <summary>The portal is stopping: a message not yet handed over goes back to the queue; one in the middle of a send is 状态不明.</summary>
    private Task<int> ReleaseAsync(DispatchRecipient recipient, bool sending) => sending
        ? MarkAsync(recipient.Id, DeliveryStatus.Unknown, recipient.Attempts + 1, "发送过程中服务停止，无法确认对方是否收到，请管理员决定是否重发。", null, CancellationToken.None)
        : MarkAsync(recipient.Id, DeliveryStatus.Pending, recipient.Attempts, null, null, CancellationToken.None);

    private Task FailAsync(DispatchRecipient recipient, MailDeliveryException ex, CancellationToken ct)
    {
        var attempts = recipient.Attempts + 1;
        if (ex.MaybeDelivered)
        {
            logger.LogWarning("Sending to {Email} broke off mid-send; marked unknown: {Reply}", recipient.Email, ex.Message);
            return MarkAsync(recipient.Id, DeliveryStatus.Unknown, attempts, ex.Message + "（无法确认对方是否收到，请管理员决定是否重发）", null, ct);
        }

        var retry = ex.Transient && attempts < Options.MaxAttempts;
        var next = retry ? Now.AddSeconds(Options.RetryBaseSeconds * Math.Pow(2, attempts - 1)) : (DateTime?)null;
        logger.LogWarning("Sending to {Email} failed ({Attempts}): {Reply}", recipient.Email, attempts, ex.Message);
        return MarkAsync(recipient.Id, retry ? DeliveryStatus.Pending : DeliveryStatus.Failed, attempts, ex.Message, next, ct);
    }

    private Task<int> MarkAsync(long id, DeliveryStatus status, int attempts, string? error, DateTime? next, CancellationToken ct)
    {
        var now = Now;
        var reply = error is { Length: > 1000 } ? error[..1000] : error;
        return db.DispatchRecipients.Where(r => r.Id == id && r.Status == DeliveryStatus.Claimed && r.ClaimedBy == Node)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status).SetProperty(r => r.Attempts, attempts)
                .SetProperty(r => r.LastError, reply).SetProperty(r => r.NextAttemptAt, r => next ?? r.NextAttemptAt)
                .SetProperty(r => r.SentAt, r => status == DeliveryStatus.Sent ? now : r.SentAt), CancellationToken.None);
    }

    private async Task<IssueMail> MailAsync(int dispatchId, Dictionary<int, IssueMail> cache, CancellationToken ct)
    {
        if (!cache.TryGetValue(dispatchId, out var mail))
        {
            var issueId = await db.Dispatches.Where(d => d.Id == dispatchId).Select(d => d.IssueId).SingleAsync(ct);
            var issue = await db.Issues.AsNoTracking().Include(i => i.Articles).ThenInclude(a => a.Section).AsSplitQuery().SingleAsync(i => i.Id == issueId, ct);
            var publication = await db.Publications.AsNoTracking().FirstAsync(ct);
            var leads = pictures is null ? null : await pictures.LeadPicturesAsync(issue, publication, Options.PortalUrl, ct);
            cache[dispatchId] = mail = IssueMail.For(issue, publication, Options.PortalUrl, leads, Options.ContactLine);
        }

        return mail;
    }
}

/// <summary>
/// Runs the dispatch worker every few seconds (<c>Mail:PollSeconds</c>), <c>Mail:Concurrency</c> of them side
/// by side, each with its own connection and database context; the per-recipient claim keeps them apart.
/// </summary>
public sealed class DispatchWorkerService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<DispatchWorkerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        do
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Clamp(options.Value.Concurrency, 1, 16)).Select(async _ =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DispatchWorker>().RunOnceAsync(stoppingToken);
                }));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Dispatch pass failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
