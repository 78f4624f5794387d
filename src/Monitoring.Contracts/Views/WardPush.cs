using Monitoring.Contracts.Messages;

namespace Monitoring.Contracts.Views;

public enum WardPushKind
{
    PatientUpdated,
    AlertRaised,
    AlertChanged,
    AlertEscalated,
}

/// <summary>One change pushed to the ward's viewers: a patient snapshot or an alert.</summary>
/// <param name="Origin">On an alert push caused by an MQTT message: its receipt, for the latency metric.</param>
[GenerateSerializer, Immutable]
public sealed record WardPush(
    [property: Id(0)] string WardId,
    [property: Id(1)] WardPushKind Kind,
    [property: Id(2)] PatientSnapshot? Snapshot,
    [property: Id(3)] AlertView? Alert,
    [property: Id(4)] IngestOrigin? Origin = null);
