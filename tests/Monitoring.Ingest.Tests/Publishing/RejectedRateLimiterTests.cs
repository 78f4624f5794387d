using Microsoft.Extensions.Time.Testing;
using Monitoring.Ingest.Publishing;

namespace Monitoring.Ingest.Tests.Publishing;

public class RejectedRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_limit_is_published_then_the_rest_are_held_back()
    {
        var limiter = new RejectedRateLimiter(20, _clock);

        var first = Enumerable.Range(0, 20).Select(_ => limiter.TryAcquire("pump-1")).ToList();
        var rest = Enumerable.Range(0, 7).Select(_ => limiter.TryAcquire("pump-1")).ToList();

        Assert.All(first, carried => Assert.Equal(0, carried));
        Assert.All(rest, Assert.Null);
    }

    [Fact]
    public void The_next_one_published_carries_the_count_held_back()
    {
        var limiter = new RejectedRateLimiter(20, _clock);
        Exhaust(limiter, "pump-1", 20);
        for (var i = 0; i < 7; i++)
        {
            limiter.TryAcquire("pump-1");
        }

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(7, limiter.TryAcquire("pump-1"));
        Assert.Equal(0, limiter.TryAcquire("pump-1"));
    }

    [Fact]
    public void The_window_slides_so_no_second_ever_holds_more_than_the_limit()
    {
        var limiter = new RejectedRateLimiter(20, _clock);
        Exhaust(limiter, "pump-1", 10);
        _clock.Advance(TimeSpan.FromMilliseconds(900));
        Exhaust(limiter, "pump-1", 10);

        // 100 ms later a new calendar second has begun, but the last second still holds 20.
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Null(limiter.TryAcquire("pump-1"));

        // Once the first ten are a second old, ten more fit, carrying the one held back.
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, limiter.TryAcquire("pump-1"));
        Exhaust(limiter, "pump-1", 9);
        Assert.Null(limiter.TryAcquire("pump-1"));
    }

    [Fact]
    public void Each_device_has_its_own_limit()
    {
        var limiter = new RejectedRateLimiter(2, _clock);
        Exhaust(limiter, "pump-1", 2);

        Assert.Null(limiter.TryAcquire("pump-1"));
        Assert.Equal(0, limiter.TryAcquire("mon-1"));
        Assert.Equal(0, limiter.TryAcquire("mon-1"));
        Assert.Null(limiter.TryAcquire("mon-1"));
    }

    [Fact]
    public void A_count_given_back_after_a_failed_publish_rides_on_the_next_one()
    {
        var limiter = new RejectedRateLimiter(1, _clock);
        limiter.TryAcquire("pump-1");
        limiter.TryAcquire("pump-1");
        limiter.TryAcquire("pump-1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var carried = limiter.TryAcquire("pump-1");
        Assert.Equal(2, carried);

        limiter.Return("pump-1", carried!.Value);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, limiter.TryAcquire("pump-1"));
    }

    [Fact]
    public void Idle_devices_are_forgotten_but_not_while_they_hold_a_count()
    {
        var limiter = new RejectedRateLimiter(1, _clock);
        limiter.TryAcquire("quiet");
        limiter.TryAcquire("noisy");
        limiter.TryAcquire("noisy");

        _clock.Advance(TimeSpan.FromSeconds(2));
        limiter.TryAcquire("other");

        Assert.Equal(2, limiter.TrackedDevices); // "noisy" keeps its held-back count for its next refusal
        Assert.Equal(1, limiter.TryAcquire("noisy"));
    }

    [Fact]
    public void The_limit_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RejectedRateLimiter(0, _clock));
    }

    private static void Exhaust(RejectedRateLimiter limiter, string key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(limiter.TryAcquire(key));
        }
    }
}
