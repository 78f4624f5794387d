using Microsoft.Extensions.Time.Testing;
using Monitoring.Dashboard.Live;
using Monitoring.Dashboard.Tests.Support;

namespace Monitoring.Dashboard.Tests;

public sealed class RenderThrottleTests
{
    [Fact]
    public void A_burst_of_requests_draws_at_most_once_per_interval_and_never_loses_the_last()
    {
        var clock = new FakeTimeProvider(Make.Now);
        var renders = 0;
        using var throttle = new RenderThrottle(TimeSpan.FromMilliseconds(250), () =>
        {
            renders++;
            return Task.CompletedTask;
        }, clock);

        // 1,000 pushes over one second, one every millisecond.
        for (var i = 0; i < 1000; i++)
        {
            throttle.Request();
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.InRange(renders, 4, 5);
        Assert.Equal(1000, throttle.Requests);
    }

    [Fact]
    public void A_lone_request_draws_at_once()
    {
        var clock = new FakeTimeProvider(Make.Now);
        var renders = 0;
        using var throttle = new RenderThrottle(TimeSpan.FromMilliseconds(250), () =>
        {
            renders++;
            return Task.CompletedTask;
        }, clock);

        throttle.Request();
        clock.Advance(TimeSpan.Zero);

        Assert.Equal(1, renders);
    }
}
