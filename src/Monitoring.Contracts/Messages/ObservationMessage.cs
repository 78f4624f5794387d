using Monitoring.Protocol.Model;

namespace Monitoring.Contracts.Messages;

/// <summary>A charted observation for a patient (MQTT charting app, REST, or the dashboard).</summary>
[GenerateSerializer, Immutable]
public sealed record ObservationMessage(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string SourceId,
    [property: Id(2)] ObservationReading Reading);
