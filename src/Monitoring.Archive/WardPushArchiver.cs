using Monitoring.Contracts.Views;

namespace Monitoring.Archive;

/// <summary>
/// Archives what a ward push carries (<see cref="ArchivePoints.FromPush"/>) without writing the same reading
/// again: a patient snapshot repeats the latest vitals and pump state on every change, so only readings newer
/// than the last ones archived for that patient go to the sink. Every alert push is archived (each is a
/// transition). Thread-safe; forgets a patient when a snapshot says discharged. Never blocks or throws.
/// </summary>
public sealed class WardPushArchiver(IArchiveSink sink)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Vitals, DateTimeOffset Dose)> _lastArchived = new(StringComparer.Ordinal);

    /// <summary>Returns how many points were handed to the sink.</summary>
    public int Archive(WardPush push)
    {
        if (push is null)
        {
            return 0;
        }

        var points = push is { Kind: WardPushKind.PatientUpdated, Snapshot: { } snapshot } ? NewReadings(snapshot) : ArchivePoints.FromPush(push);
        var accepted = 0;
        foreach (var point in points)
        {
            if (sink.TryEnqueue(point))
            {
                accepted++;
            }
        }

        return accepted;
    }

    private List<ArchivePoint> NewReadings(PatientSnapshot snapshot)
    {
        var points = ArchivePoints.FromSnapshot(snapshot);
        lock (_gate)
        {
            var last = _lastArchived.TryGetValue(snapshot.Id, out var seen) ? seen : (Vitals: DateTimeOffset.MinValue, Dose: DateTimeOffset.MinValue);
            var fresh = points
                .Where(p => p.Timestamp > (p.Measurement == ArchiveMeasurements.Vitals ? last.Vitals : last.Dose))
                .ToList();
            if (snapshot.Discharged)
            {
                _lastArchived.Remove(snapshot.Id);
            }
            else
            {
                _lastArchived[snapshot.Id] = (
                    Max(last.Vitals, points.Where(p => p.Measurement == ArchiveMeasurements.Vitals)),
                    Max(last.Dose, points.Where(p => p.Measurement == ArchiveMeasurements.Dose)));
            }

            return fresh;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset seed, IEnumerable<ArchivePoint> points) =>
        points.Select(p => p.Timestamp).Append(seed).Max();
}
