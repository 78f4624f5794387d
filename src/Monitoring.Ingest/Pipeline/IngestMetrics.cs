using System.Diagnostics.Metrics;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Pipeline;

/// <summary>The ingest's counters, on the Meter "Monitoring.Ingest".</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Monitoring.Ingest";

    private readonly Counter<long> _received;
    private readonly Counter<long> _applied;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _late;
    private readonly Counter<long> _unassociated;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _rejectedSuppressed;
    private readonly Counter<long> _routeFailures;
    private readonly Counter<long> _queueFull;
    private readonly Counter<long> _brokerDrops;
    private readonly Counter<long> _connectionLosses;
    private readonly Counter<long> _flood;
    private readonly Meter _meter;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _meter = meter;
        _received = meter.CreateCounter<long>("monitoring.ingest.received", "{message}", "Messages received from the broker");
        _applied = meter.CreateCounter<long>("monitoring.ingest.applied", "{message}", "Messages applied to a patient's state");
        _acknowledged = meter.CreateCounter<long>("monitoring.ingest.acknowledged", "{message}", "Messages acknowledged to the broker (after the grain stored their effect), by topic");
        _duplicates = meter.CreateCounter<long>("monitoring.ingest.duplicates", "{message}", "Exact duplicates dropped without effect");
        _late = meter.CreateCounter<long>("monitoring.ingest.late", "{message}", "Late messages recorded in history only");
        _unassociated = meter.CreateCounter<long>("monitoring.ingest.unassociated", "{message}", "Messages from devices associated with nobody");
        _refused = meter.CreateCounter<long>("monitoring.ingest.refused", "{message}", "Messages refused, by the field at fault");
        _rejectedSuppressed = meter.CreateCounter<long>("monitoring.ingest.rejected_suppressed", "{message}", "Refusals not published to monitoring/rejected (rate limit)");
        _routeFailures = meter.CreateCounter<long>("monitoring.ingest.route_failures", "{attempt}", "Attempts to reach a grain that failed (retried)");
        _queueFull = meter.CreateCounter<long>("monitoring.ingest.queue_full", "{message}", "Unused since per-device lanes (the receive handler never waits); kept for dashboards");
        _brokerDrops = meter.CreateCounter<long>("monitoring.ingest.broker_drops", "{message}", "Messages the embedded broker dropped from a full subscriber queue");
        _connectionLosses = meter.CreateCounter<long>("monitoring.ingest.connection_losses", "{loss}", "Times the connection to the MQTT broker was lost");
        _flood = meter.CreateCounter<long>("monitoring.ingest.flood", "{message}", "Messages above a device's rate limit (refused), by topic");
    }

    /// <summary>The gauge monitoring.ingest.connected: 1 while connected to the broker and subscribed, else 0.</summary>
    public void ObserveConnection(IngestHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        _meter.CreateObservableGauge("monitoring.ingest.connected", () => health.IsConnected ? 1 : 0, "{connection}", "1 while connected to the MQTT broker and subscribed");
    }

    public void Received(TopicKind? kind) => _received.Add(1, new KeyValuePair<string, object?>("topic", Tag(kind)));

    /// <summary>A message's PUBACK to the broker was sent: what it confirms is stored (docs/faults.md).</summary>
    public void Acknowledged(TopicKind? kind) => _acknowledged.Add(1, new KeyValuePair<string, object?>("topic", Tag(kind)));

    public void Outcome(ApplyOutcome outcome, TopicKind kind)
    {
        var tag = new KeyValuePair<string, object?>("topic", Tag(kind));
        switch (outcome)
        {
            case ApplyOutcome.Applied:
                _applied.Add(1, tag);
                break;
            case ApplyOutcome.Duplicate:
                _duplicates.Add(1, tag);
                break;
            case ApplyOutcome.Late:
                _late.Add(1, tag);
                break;
            case ApplyOutcome.Unassociated:
                _unassociated.Add(1, tag);
                break;
            case ApplyOutcome.UnknownDevice:
            default:
                break;
        }
    }

    public void Refused(string field) => _refused.Add(1, new KeyValuePair<string, object?>("reason", field));

    public void RejectedSuppressed() => _rejectedSuppressed.Add(1);

    public void RouteFailure() => _routeFailures.Add(1);

    public void QueueFull() => _queueFull.Add(1);

    public void BrokerDrop() => _brokerDrops.Add(1);

    public void ConnectionLost() => _connectionLosses.Add(1);

    public void Flood(TopicKind? kind) => _flood.Add(1, new KeyValuePair<string, object?>("topic", Tag(kind)));

    private static string Tag(TopicKind? kind) => kind switch
    {
        TopicKind.PumpStatus => "status",
        TopicKind.PumpBolus => "bolus",
        TopicKind.Vitals => "vitals",
        TopicKind.Observations => "observations",
        _ => "unknown",
    };
}
