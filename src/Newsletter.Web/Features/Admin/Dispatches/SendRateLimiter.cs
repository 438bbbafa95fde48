using Microsoft.Extensions.Options;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Keeps all the dispatch workers of this portal under <c>Mail:MaxPerMinute</c> messages in any 60 seconds (a sliding
/// window: many government SMTP servers count that way and answer 4xx beyond it). One per process; 0 lets everything through.
/// </summary>
public sealed class SendRateLimiter(IOptions<MailOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly List<DateTimeOffset> sends = [];
    private readonly Lock gate = new();

    /// <summary>Waits until one more message may go out, and counts it; returns the slot, to give back if nothing was sent.</summary>
    public async Task<DateTimeOffset?> WaitAsync(CancellationToken ct)
    {
        var limit = options.Value.MaxPerMinute;
        if (limit <= 0)
        {
            return null;
        }

        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                sends.RemoveAll(s => s <= now - Window);
                if (sends.Count < limit)
                {
                    sends.Add(now);
                    return now;
                }

                wait = sends[0] + Window - now;
            }

            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>Gives back a slot that sent nothing (another worker had claimed the recipient first).</summary>
    public void Return(DateTimeOffset? slot)
    {
        if (slot is { } taken)
        {
            lock (gate)
            {
                sends.Remove(taken);
            }
        }
    }
}
