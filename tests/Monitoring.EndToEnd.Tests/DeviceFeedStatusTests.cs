using Microsoft.Extensions.DependencyInjection;
using Monitoring.Dashboard.Services;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Host.Dashboard;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.EndToEnd.Tests;

/// <summary>How the host reads its ingest's health for the dashboard's device-feed banner, and that a ready host serves it live.</summary>
[Collection(HostCollection.Name)]
public sealed class DeviceFeedStatusTests(HostFixture host)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_ready_host_serves_the_dashboard_a_live_feed_from_its_own_ingest()
    {
        var feed = host.Factory.Services.GetRequiredService<IDeviceFeedStatus>();

        Assert.IsType<IngestDeviceFeedStatus>(feed);
        Assert.Equal(DeviceFeedCondition.Live, feed.Current.Condition);
        Assert.Null(feed.Current.Detail);
    }

    [Fact]
    public void Before_the_first_attempt_has_ended_the_feed_is_connecting()
    {
        var state = IngestDeviceFeedStatus.From(new IngestHealthStatus(false, Start, "not connected yet", null, null), Start.AddSeconds(1));

        Assert.Equal(DeviceFeedCondition.Connecting, state.Condition);
        Assert.Equal(Start, state.Since);
    }

    [Fact]
    public void A_failed_first_attempt_is_lost_since_the_host_started()
    {
        var state = IngestDeviceFeedStatus.From(new IngestHealthStatus(false, Start, "connection refused", null, null, ConnectAttempted: true), Start.AddSeconds(90));

        Assert.Equal(DeviceFeedCondition.Lost, state.Condition);
        Assert.Equal(Start, state.Since);
        Assert.Equal(TimeSpan.FromSeconds(90), state.Lasting);
        Assert.Contains("connection refused", state.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Readings_that_cannot_reach_the_grains_are_a_lost_feed_even_while_connected()
    {
        var failing = Start.AddMinutes(5);
        var state = IngestDeviceFeedStatus.From(new IngestHealthStatus(true, Start, null, failing, "silo unreachable", ConnectAttempted: true), failing.AddSeconds(2));

        Assert.Equal(DeviceFeedCondition.Lost, state.Condition);
        Assert.Equal(failing, state.Since);
        Assert.Contains("silo unreachable", state.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_connection_counts_from_the_earlier_of_the_disconnect_and_a_routing_failure()
    {
        var failing = Start.AddMinutes(5);
        var disconnected = failing.AddSeconds(3);
        var state = IngestDeviceFeedStatus.From(new IngestHealthStatus(false, disconnected, "connection lost", failing, "silo unreachable", ConnectAttempted: true), disconnected);

        Assert.Equal(DeviceFeedCondition.Lost, state.Condition);
        Assert.Equal(failing, state.Since);
    }

    [Fact]
    public void Connected_with_readings_flowing_is_live()
    {
        var state = IngestDeviceFeedStatus.From(new IngestHealthStatus(true, Start, null, null, null, ConnectAttempted: true), Start.AddHours(1));

        Assert.Equal(DeviceFeedCondition.Live, state.Condition);
    }
}
