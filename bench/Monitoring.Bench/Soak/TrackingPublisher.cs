using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Bench.Soak;

/// <summary>
/// Between the soak's devices (and nurses) and the connection pool: every message is published as the device made it
/// and written down with its seq, its marker and whether the broker PUBACKed it (QoS 1). A message the broker did not
/// take is not acknowledged, so the product owes it nothing; the device reports again at its next tick.
/// </summary>
public sealed class TrackingPublisher(IMessagePublisher pool, IReadOnlyDictionary<string, string> patientOfDevice, Stopwatch clock) : IMessagePublisher
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();

    public IReadOnlyCollection<SentMessage> Sent => _sent;

    public async Task<bool> PublishAsync(string sourceId, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var sentAt = clock.Elapsed.TotalSeconds;
        var acknowledged = await pool.PublishAsync(sourceId, topic, payload, cancellationToken);
        _sent.Enqueue(Describe(sourceId, topic, payload, sentAt, acknowledged ? clock.Elapsed.TotalSeconds : null));
        return acknowledged;
    }

    private SentMessage Describe(string sourceId, string topic, byte[] payload, double sentAt, double? ackedAt)
    {
        using var document = JsonDocument.Parse(payload);
        var json = document.RootElement;
        if (topic.StartsWith("patients/", StringComparison.Ordinal))
        {
            var patient = topic.Split('/')[1];
            var id = json.GetProperty("observationId").GetString()!;
            return new SentMessage(ReadingMarkers.Observation, sourceId, patient, 0, id, id, sentAt, ackedAt);
        }

        var kind = topic.EndsWith("/status", StringComparison.Ordinal) ? ReadingMarkers.Status : ReadingMarkers.Vitals;
        var seq = json.GetProperty("seq").GetInt64();
        return new SentMessage(
            kind,
            sourceId,
            patientOfDevice[sourceId],
            seq,
            $"{json.GetProperty("bootId").GetString()}:{seq}",
            ReadingMarkers.FromMessage(kind, json),
            sentAt,
            ackedAt);
    }
}
