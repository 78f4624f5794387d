using Microsoft.Extensions.Time.Testing;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Ingest.Tests.Pipeline;

/// <summary>The change event the dashboard's device-feed banner listens to: raised on every change, never on a mere confirmation.</summary>
public class IngestHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Before_the_first_attempt_it_is_not_connected_and_not_yet_attempted()
    {
        var health = new IngestHealth(new FakeTimeProvider(Start));

        Assert.False(health.Current.Connected);
        Assert.False(health.Current.ConnectAttempted);
        Assert.Equal(Start, health.Current.Since);
    }

    [Fact]
    public void Each_change_raises_the_event_once_and_a_ping_that_only_confirms_raises_nothing()
    {
        var health = new IngestHealth(new FakeTimeProvider(Start));
        var raised = 0;
        health.Changed += () => raised++;

        health.SetDisconnected(Start.AddSeconds(1), "connection refused");
        Assert.Equal(1, raised);
        Assert.True(health.Current.ConnectAttempted);
        Assert.Equal(Start, health.Current.Since);

        health.SetConnected(Start.AddSeconds(2));
        health.SetConnected(Start.AddSeconds(7));
        Assert.Equal(2, raised);
        Assert.Equal(Start.AddSeconds(2), health.Current.Since);

        health.SetRoutingFailed(Start.AddSeconds(8), "silo unreachable");
        health.SetRoutingFailed(Start.AddSeconds(9), "silo unreachable");
        Assert.Equal(3, raised);
        Assert.Equal(Start.AddSeconds(8), health.Current.RoutingFailingSince);

        health.SetRoutingRecovered();
        health.SetRoutingRecovered();
        Assert.Equal(4, raised);

        health.SetDisconnected(Start.AddSeconds(10), "connection lost: broker went away");
        Assert.Equal(5, raised);
        Assert.Equal(Start.AddSeconds(10), health.Current.Since);
        Assert.Equal("connection lost: broker went away", health.Current.LastError);
    }
}
