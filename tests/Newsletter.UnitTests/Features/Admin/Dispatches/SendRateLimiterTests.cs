using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newsletter.Web.Features.Admin.Dispatches;

namespace Newsletter.UnitTests.Features.Admin.Dispatches;

/// <summary><c>Mail:MaxPerMinute</c> on a fake clock: no more than the limit in any 60 seconds, and 0 means no limit.</summary>
public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));

    private SendRateLimiter Limiter(int perMinute) => new(Options.Create(new MailOptions { MaxPerMinute = perMinute }), clock);

    [Fact]
    public async Task WaitAsync_beyond_the_limit_waits_until_the_oldest_send_is_a_minute_old()
    {
        var limiter = Limiter(2);
        await limiter.WaitAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(20));
        await limiter.WaitAsync(CancellationToken.None);

        var third = limiter.WaitAsync(CancellationToken.None);
        var fourth = limiter.WaitAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(39));
        Assert.False(third.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(fourth.IsCompleted, "the second send (at 20 s) still counts until 80 s");

        clock.Advance(TimeSpan.FromSeconds(20));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitAsync_with_no_limit_never_waits()
    {
        var limiter = Limiter(0);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        }

        await limiter.WaitAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WaitAsync_cancelled_while_waiting_throws_and_takes_no_slot()
    {
        var limiter = Limiter(1);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.WaitAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Return_gives_back_a_slot_that_sent_nothing()
    {
        var limiter = Limiter(1);
        var slot = await limiter.WaitAsync(CancellationToken.None);
        limiter.Return(slot);

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.False(limiter.WaitAsync(CancellationToken.None).IsCompleted, "the slot is taken again");
    }
}
