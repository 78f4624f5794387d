using System.Text.Json.Nodes;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>A nurse charting at the bedside: pain, RASS, consciousness and events, each with a unique observationId.</summary>
public sealed class NurseActor(string sourceId, string recordedBy, IObservationChannel channel, TimeProvider time)
{
    private long _sent;

    public string SourceId { get; } = sourceId;

    public string RecordedBy { get; } = recordedBy;

    public long Sent => Interlocked.Read(ref _sent);

    public Task<ObservationMessage> RecordPainAsync(string patientId, int nrs, CancellationToken cancellationToken) =>
        RecordAsync(patientId, ObservationKinds.Pain, JsonValue.Create(nrs), cancellationToken);

    public Task<ObservationMessage> RecordSedationAsync(string patientId, int rass, CancellationToken cancellationToken) =>
        RecordAsync(patientId, ObservationKinds.Sedation, JsonValue.Create(rass), cancellationToken);

    /// <param name="acvpu">A, C, V, P or U.</param>
    public Task<ObservationMessage> RecordConsciousnessAsync(string patientId, string acvpu, CancellationToken cancellationToken) =>
        RecordAsync(patientId, ObservationKinds.Consciousness, JsonValue.Create(acvpu), cancellationToken);

    public Task<ObservationMessage> RecordHallucinationAsync(string patientId, CancellationToken cancellationToken) =>
        RecordAsync(patientId, ObservationKinds.Hallucination, null, cancellationToken);

    public Task<ObservationMessage> RecordDeliriumAsync(string patientId, CancellationToken cancellationToken) =>
        RecordAsync(patientId, ObservationKinds.Delirium, null, cancellationToken);

    /// <summary>Any observation of the contract; events take no value.</summary>
    public async Task<ObservationMessage> RecordAsync(string patientId, string kind, JsonNode? value, CancellationToken cancellationToken)
    {
        if (!ObservationKinds.All.Contains(kind))
        {
            throw new ArgumentException($"unknown observation kind '{kind}'", nameof(kind));
        }

        var observation = new ObservationMessage(
            Guid.NewGuid().ToString("N"),
            SourceId,
            kind,
            ObservationKinds.IsEvent(kind) ? null : value,
            RecordedBy,
            time.GetUtcNow());
        if (await channel.SendAsync(patientId, observation, cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _sent);
        }

        return observation;
    }
}
