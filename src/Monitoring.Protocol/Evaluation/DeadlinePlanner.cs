using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Pause;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The next moment a rule may change with no new reading: comms and parameter silence, condition delays,
/// held events, the pause protocol, unanswered commands, assessments and reviews, staleness. The grain sets
/// its timer to it (and persists it); sliding dose windows are also rechecked on every reading and tick.
/// </summary>
public static class DeadlinePlanner
{
    /// <summary>Rules that fire when silence lasts "more than" a limit are checked one tick after it.</summary>
    private static readonly TimeSpan JustAfter = TimeSpan.FromTicks(1);

    public static DateTimeOffset? Next(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var candidates = All(s, p).Where(d => d > now).ToList();
        return candidates.Count == 0 ? null : candidates.Min();
    }

    private static IEnumerable<DateTimeOffset> All(PatientState s, ProtocolParameters p)
    {
        if (s.Pump is { } pump)
        {
            yield return (pump.LastMessageAt ?? pump.AssociatedAt) + p.Comms.PumpLostAfter + JustAfter;
        }

        if (s.Monitor is { } monitor)
        {
            yield return (monitor.LastMessageAt ?? monitor.AssociatedAt) + p.Comms.MonitorLostAfter + JustAfter;
            foreach (var name in DeviceRules.MonitoredParameters)
            {
                var seen = s.ParameterLastSeen.TryGetValue(name, out var at) ? at : monitor.AssociatedAt;
                yield return seen + p.Comms.ParameterMissingAfter + JustAfter;
            }
        }

        foreach (var (rule, since) in s.Onsets)
        {
            yield return since + VitalSignRules.DelayOf(rule, p.Vitals);
        }

        foreach (var held in s.HeldEvents)
        {
            yield return held.Until;
        }

        foreach (var benzodiazepine in BenzodiazepineRules.Deadlines(s, p))
        {
            yield return benzodiazepine;
        }

        if (PausePolicy.NextDeadline(s.Pause, p.Pause) is { } pauseDeadline)
        {
            yield return pauseDeadline;
        }

        foreach (var command in s.Commands.Where(c => c.Result is null))
        {
            yield return command.ExpiresAt;
        }

        if (AssessmentRules.SedationDueAt(s, p) is { } sedationDue)
        {
            yield return sedationDue;
        }

        if (s.Course.StartedAt is { } started)
        {
            yield return started + p.ResponseReview.DueAfter;
            yield return started + p.ResponseReview.OverdueAfter;
        }

        if (s.Course.TitrationViolation is { TooLarge: false } violation)
        {
            yield return violation.AllowedAt;
        }

        foreach (var value in new[] { s.Vitals.Spo2, s.Vitals.RespRate, s.Vitals.HeartRate })
        {
            if (value is { } v)
            {
                yield return v.At + p.Comms.ParameterMissingAfter + JustAfter;
                yield return v.At + p.News2.StaleAfter + JustAfter;
            }
        }

        foreach (var value in new[] { s.Vitals.Systolic, s.Vitals.Temperature })
        {
            if (value is { } v)
            {
                yield return v.At + p.News2.StaleAfter + JustAfter;
            }
        }

        if (s.Vitals.Rhythm is { } rhythm)
        {
            yield return rhythm.At + p.Comms.ParameterMissingAfter + JustAfter;
        }

        foreach (var observation in new[] { s.Latest(ObservationKind.Consciousness), s.Latest(ObservationKind.Oxygen), s.Latest(ObservationKind.Delirium) })
        {
            if (observation is not null)
            {
                yield return observation.ReceivedAt + p.News2.StaleAfter + JustAfter;
            }
        }
    }
}
