using Newsletter.Web.Infrastructure;

namespace Newsletter.UnitTests.Infrastructure;

/// <summary>The search page's output-cache doorkeeper: second requests are recognised, and what it remembers stays bounded.</summary>
public sealed class RecentRequestsTests
{
    [Fact]
    public void An_address_counts_as_seen_from_its_second_request_until_two_generations_have_passed()
    {
        var recent = new RecentRequests(TimeSpan.FromHours(1), capacity: 3);
        Assert.False(recent.SeenBefore("/search?q=托育"));
        Assert.True(recent.SeenBefore("/search?q=托育"));

        // Three more addresses fill the generation: 托育 is now in the previous one, still seen.
        Assert.False(recent.SeenBefore("/search?q=a"));
        Assert.False(recent.SeenBefore("/search?q=b"));
        Assert.False(recent.SeenBefore("/search?q=c"));
        Assert.True(recent.SeenBefore("/search?q=托育"));

        // Two full generations later it is forgotten.
        foreach (var q in new[] { "d", "e", "f", "g", "h", "i", "j" })
        {
            Assert.False(recent.SeenBefore("/search?q=" + q));
        }

        Assert.False(recent.SeenBefore("/search?q=托育"));
    }

    [Fact]
    public void A_window_old_generation_is_dropped_and_an_overlong_address_is_never_remembered()
    {
        var recent = new RecentRequests(TimeSpan.FromMilliseconds(1));
        Assert.False(recent.SeenBefore("/search?q=托育"));
        Thread.Sleep(20);
        Assert.True(recent.SeenBefore("/search?q=托育")); // one window later: in the previous generation
        Thread.Sleep(20);
        Assert.False(recent.SeenBefore("/search?q=x"));
        Thread.Sleep(20);
        Assert.False(recent.SeenBefore("/search?q=托育"));

        var overlong = "/search?q=" + new string('托', RecentRequests.MaxLength);
        var patient = new RecentRequests(TimeSpan.FromHours(1));
        Assert.False(patient.SeenBefore(overlong));
        Assert.False(patient.SeenBefore(overlong));
    }
}
