using Microsoft.Extensions.Options;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Keeps all the dispatch workers of this portal under <c>Mail:MaxPerMinute</c> messages in any 60 seconds (a sliding
/// window: many government SMTP servers count that way and answer 4xx beyond it). One per process; 0 lets everything through.
/// </summary>
public sealed class SendRateLimiter(IOptions<MailOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> sends = new();
    private readonly Lock gate = new();

    /// <summary>Waits until one more message may go out, and counts it.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        var limit = options.Value.MaxPerMinute;
        if (limit <= 0)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                while (sends.Count > 0 && sends.Peek() <= now - Window)
                {
                    sends.Dequeue();
                }

                if (sends.Count < limit)
                {
                    sends.Enqueue(now);
                    return;
                }

                wait = sends.Peek() + Window - now;
            }

            await Task.Delay(wait, clock, ct);
        }
    }
}
