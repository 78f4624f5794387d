using System.Diagnostics;
using System.Diagnostics.Metrics;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Host.Hubs;

namespace Monitoring.Host.Operations;

/// <summary>
/// Publish-to-alert latency: from this host's ingest receiving an MQTT message to the alert push it caused leaving
/// this host for the SignalR clients. The receipt time rides with the message (<see cref="Contracts.Messages.IngestOrigin"/>)
/// through the grains onto the push; only the host that received the message records it, on its own monotonic
/// clock, so no two clocks are ever compared and an alert is counted once however many hosts there are. Alerts
/// with no MQTT message behind them (timers, REST, acknowledgements) are not recorded.
/// </summary>
public sealed class PushLatencyMetrics
{
    /// <summary>1 ms to 10 s: a push normally takes milliseconds; seconds mean a queue, a retry or a failover.</summary>
    private static readonly double[] BucketsSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _publishToPush;
    private readonly HostInstance _host;

    public PushLatencyMetrics(IMeterFactory meterFactory, HostInstance host)
    {
        _host = host;
        _publishToPush = meterFactory.Create(AlertMeter.Name).CreateHistogram(
            "monitoring.alerts.publish_to_push",
            unit: "s",
            description: "From this host's ingest receiving an MQTT message to the alert push it caused leaving this host for SignalR clients",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketsSeconds });
    }

    /// <summary>Called once the push has been handed to SignalR; a push of another host's message is left to that host.</summary>
    public void Sent(WardPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (push.Origin is not { } origin || origin.HostId != _host.Id || push.Alert is null)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(origin.ReceivedTimestamp);
        _publishToPush.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("push", EventOf(push.Kind)));
    }

    private static string EventOf(WardPushKind kind) => kind switch
    {
        WardPushKind.AlertRaised => WardHubEvents.AlertRaised,
        WardPushKind.AlertEscalated => WardHubEvents.AlertEscalated,
        _ => WardHubEvents.AlertChanged,
    };
}
