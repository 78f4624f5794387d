using Monitoring.Contracts.Messages;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// Where validated messages go: the grains in production (<see cref="GrainMessageRouter"/>), a fake in tests.
/// An exception means "not delivered": the message is not acknowledged and is tried again.
/// </summary>
public interface IMessageRouter
{
    Task<ApplyOutcome> RouteAsync(DeviceMessage message, CancellationToken cancellationToken);

    Task<ApplyOutcome> RecordObservationAsync(ObservationMessage message, CancellationToken cancellationToken);

    /// <summary>A device's message was refused: DEVICE_DATA_INVALID on its patient, if any. False for an unknown device.</summary>
    Task<bool> RefusedAsync(string deviceId, string reason, CancellationToken cancellationToken);

    /// <summary>A charted observation for this patient id was refused: OBSERVATION_REFUSED on the ward it was meant for.</summary>
    Task ObservationRefusedAsync(string patientId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
