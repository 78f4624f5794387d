using Monitoring.Bench.Reporting;

namespace Monitoring.Bench.Soak;

/// <summary>
/// The oracle. Each acknowledged reading must be shown in a snapshot of its patient (a hub push, a REST poll, the final
/// read); one sent during a host kill may instead be followed by a later reading of the same device that is shown
/// (the pushes of a dying host are lost with it; see <see cref="MessageFigures"/>); each acknowledged observation must
/// be in the audit trail; each labelled event must have its alert raised on its patient after the event and by its
/// deadline (<see cref="AlertDeadline"/>; the event was caused on a bed with no open alert of the rule).
/// </summary>
public sealed class SoakChecker(IReadOnlyList<FaultRecord> faults, DateTimeOffset devicesStartedAt)
{
    // A message sent this long before a fault began, or until this long after it recovered, is "during" it.
    private const double Before = 5;
    private const double After = 30;

    // The soak's clock and the hosts' are this machine's, but the soak notes an event just after causing it.
    private const double RaisedTolerance = 1;

    public IReadOnlyList<MessageFigures> Messages(IReadOnlyCollection<SentMessage> sent, SeenState seen, IReadOnlySet<string> audited, out IReadOnlyList<(SentMessage Message, bool Lost)> unseen)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(audited);
        var missing = new List<(SentMessage, bool)>();
        var figures = new List<MessageFigures>();
        foreach (var kind in new[] { ReadingMarkers.Status, ReadingMarkers.Vitals })
        {
            long applied = 0, lost = 0, unseenInKill = 0;
            foreach (var device in sent.Where(m => m.Kind == kind).GroupBy(m => m.DeviceId))
            {
                var ordered = device.OrderBy(m => m.SentAt).ThenBy(m => m.Seq).ToList();
                var lastSeen = ordered.FindLastIndex(m => seen.SeenAt(m.DeviceId, m.Marker) is not null);
                for (var i = 0; i < ordered.Count; i++)
                {
                    var message = ordered[i];
                    if (!message.Acknowledged)
                    {
                        continue;
                    }

                    if (seen.SeenAt(message.DeviceId, message.Marker) is not null)
                    {
                        applied++;
                    }
                    else if (i < lastSeen && During(message.SentAt)?.Kind == FaultKind.HostKill)
                    {
                        unseenInKill++;
                        missing.Add((message, false));
                    }
                    else
                    {
                        lost++;
                        missing.Add((message, true));
                    }
                }
            }

            figures.Add(Figures(kind, sent, applied, lost, unseenInKill));
        }

        var observations = sent.Where(m => m.Kind == ReadingMarkers.Observation && m.Acknowledged).ToList();
        var notAudited = observations.Where(m => !audited.Contains(m.Key)).ToList();
        missing.AddRange(notAudited.Select(m => (m, true)));
        figures.Add(Figures(ReadingMarkers.Observation, sent, observations.Count - notAudited.Count, notAudited.Count, 0));
        unseen = missing;
        return figures;
    }

    public IReadOnlyList<EventOutcome> Events(IEnumerable<LabelledEvent> events, SeenState seen)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(seen);
        var known = seen.Alerts.Select(a => (Id: a.Key, Patient: a.Value.PatientId, Rule: a.Value.RuleId, Raised: (a.Value.RaisedAt - devicesStartedAt).TotalSeconds)).ToList();
        return [.. events.Select(e =>
        {
            var deadline = AlertDeadline.Of(e, faults);
            var answer = known
                .Where(a => a.Patient == e.PatientId && a.Rule == e.RuleId && a.Raised >= e.InjectedAt - RaisedTolerance && a.Raised <= deadline)
                .OrderBy(a => a.Raised)
                .FirstOrDefault();
            return answer.Id is null ? new EventOutcome(e, deadline, null, null) : new EventOutcome(e, deadline, answer.Id, answer.Raised);
        })];
    }

    public static IReadOnlyList<AlertFigures> Alerts(IReadOnlyList<EventOutcome> outcomes) =>
        [.. outcomes.GroupBy(o => o.Event.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var latencies = g.Where(o => o.Raised).Select(o => o.LatencySeconds!.Value).OrderBy(x => x).ToList();
            return new AlertFigures(g.Key, g.Count(), latencies.Count, g.Count() - latencies.Count,
                Math.Round(Percentiles.Of(latencies, 0.5), 1), latencies.Count == 0 ? 0 : Math.Round(latencies[^1], 1));
        })];

    public IReadOnlyList<FaultFigures> ByFault(IReadOnlyCollection<SentMessage> sent, IReadOnlyList<(SentMessage Message, bool Lost)> unseen, IReadOnlyList<EventOutcome> outcomes) =>
        [.. faults.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g =>
        {
            bool In(double at) => g.Any(f => at >= f.StartedAt - Before && at <= f.RecoveredAt + After);
            bool Overlaps(EventOutcome o) => g.Any(f => f.StartedAt <= o.Deadline && f.RecoveredAt >= o.Event.InjectedAt);
            var during = outcomes.Where(Overlaps).ToList();
            return new FaultFigures(
                g.Key,
                g.Count(),
                Math.Round(g.Sum(f => f.OutageSeconds), 1),
                Math.Round(g.Max(f => f.RecoverySeconds), 1),
                sent.LongCount(m => m.Acknowledged && In(m.SentAt)),
                unseen.LongCount(u => u.Lost && In(u.Message.SentAt)),
                unseen.LongCount(u => !u.Lost && In(u.Message.SentAt)),
                during.Count,
                during.Count(o => !o.Raised));
        })];

    /// <summary>The fault a message was sent during (see <see cref="Before"/>, <see cref="After"/>), if any.</summary>
    public FaultRecord? During(double at) =>
        faults.Where(f => at >= f.StartedAt - Before && at <= f.RecoveredAt + After).OrderBy(f => f.Kind == FaultKind.HostKill ? 0 : 1).FirstOrDefault();

    private static MessageFigures Figures(string kind, IReadOnlyCollection<SentMessage> sent, long applied, long lost, long unseenInKill) =>
        new(kind, sent.LongCount(m => m.Kind == kind), sent.LongCount(m => m.Kind == kind && m.Acknowledged), applied, lost, unseenInKill);
}
