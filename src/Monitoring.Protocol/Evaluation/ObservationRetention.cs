using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// Which charted observations a patient's state keeps: those within the longest window a rule reads, and always the
/// latest of each kind whatever its age (a stale input keeps its last value, I7), but never more than
/// <see cref="MaxPerKind"/> of one kind, newest kept. The cap bounds the state each charting rewrites (issue 13 item 8:
/// 4,000 posts made every post 7 times slower): it is far above any charting a ward does in the windows the rules
/// read (a pain score every 15 min is 96 a day), so no rule reads fewer entries on a real ward.
/// </summary>
public static class ObservationRetention
{
    /// <summary>Entries kept of one kind at most. A storage bound, not a clinical number.</summary>
    public const int MaxPerKind = 200;

    public static IReadOnlyList<ObservationReading> Keep(IReadOnlyList<ObservationReading> observations, DateTimeOffset keepFrom)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var kept = new HashSet<ObservationReading>(ReferenceEqualityComparer.Instance);
        foreach (var kind in observations.GroupBy(o => o.Kind))
        {
            var newestFirst = kind.Reverse().ToList();
            kept.Add(newestFirst[0]);
            foreach (var o in newestFirst.Where(o => o.ReceivedAt >= keepFrom).Take(MaxPerKind))
            {
                kept.Add(o);
            }
        }

        return kept.Count == observations.Count ? observations : [.. observations.Where(kept.Contains)];
    }
}
