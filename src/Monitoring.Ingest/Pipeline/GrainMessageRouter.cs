using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Ingest.Pipeline;

/// <summary>Routes through the device grain (device topics) and the patient grain (observations).</summary>
public sealed class GrainMessageRouter(IGrainFactory grains) : IMessageRouter
{
    private readonly GrainReferences<IDeviceGrain> _devices = new(grains);
    private readonly GrainReferences<IPatientGrain> _patients = new(grains);

    // Grain calls take no token: a call once made runs to its end, and its outcome decides the acknowledgement.
    public Task<ApplyOutcome> RouteAsync(DeviceMessage message, CancellationToken cancellationToken) =>
        _devices[message.Meta.DeviceId].Route(message);

    public Task<ApplyOutcome> RecordObservationAsync(ObservationMessage message, CancellationToken cancellationToken) =>
        _patients[message.PatientId].RecordObservation(message);

    public Task<bool> RefusedAsync(string deviceId, string reason, CancellationToken cancellationToken) =>
        _devices[deviceId].Refused(reason);

    public Task ObservationRefusedAsync(string patientId, string reason, CancellationToken cancellationToken) =>
        grains.GetGrain<IObservationRefusalGrain>(0).Report(patientId, reason);
}
