using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>
/// I3, per parameter: while the drug goes in, each monitored parameter is fresh or an open alert says it is not.
/// Fresh: SpO2, RR, HR and rhythm within the PARAMETER_MISSING window, blood pressure within the NEWS2 staleness
/// window (a new monitor has that long from its association). RASS and pain: charted within the short interval after
/// the start, a bolus or a restart after a hallucination pause, and within the routine interval of the last one.
/// MONITOR_ABSENT is being added on h/pause-course.
/// </summary>
public sealed class MonitoredParametersFreshOrAlerted : ICourseInvariant
{
    public const string MonitorAbsent = "MONITOR_ABSENT";

    public string Id => "I3";

    public string Wording => "While ketamine runs, each parameter the protocol monitors (rhythm, SpO2, respiration, BP, HR, sedation and pain "
        + "when due) is either fresh or has an open alert saying it is not: no monitor associated, released, silent, or the parameter missing.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        var s = after.State;
        if (!s.InfusionGoingIn)
        {
            yield break;
        }

        var p = SeedProtocol.Parameters;
        if (s.Monitor is null)
        {
            if (!Holds(after, MonitorAbsent) && !Holds(after, RuleIds.MonitorCommsLost))
            {
                yield return new CourseViolation(Id, "no-monitor", $"the drug goes in with no monitor associated and no open {MonitorAbsent} alert");
            }
        }
        else
        {
            foreach (var (name, window, aspect) in new[]
            {
                ("SpO2", p.Comms.ParameterMissingAfter, "vitals"), ("RR", p.Comms.ParameterMissingAfter, "vitals"),
                ("HR", p.Comms.ParameterMissingAfter, "vitals"), ("rhythm", p.Comms.ParameterMissingAfter, "rhythm"),
                ("BP", p.News2.StaleAfter, "blood-pressure"),
            })
            {
                var since = after.Model.MonitorSeen.TryGetValue(name, out var seen) ? seen : after.Model.MonitorAssociatedAt ?? after.Now;
                var fresh = after.Now - since <= window;
                var said = Holds(after, RuleIds.MonitorCommsLost)
                    || (after.OpenAlert(RuleIds.ParameterMissing) is { ConditionHolds: true } missing && missing.LastValue.Contains(name, StringComparison.Ordinal));
                if (!fresh && !said)
                {
                    yield return new CourseViolation(Id, aspect,
                        $"{name} last seen {after.Now - since:hh\\:mm\\:ss} ago (fresh within {window:hh\\:mm\\:ss}) and no open alert names it "
                        + $"({RuleIds.ParameterMissing} naming {name}, or {RuleIds.MonitorCommsLost})");
                }
            }
        }

        if (AssessmentDueAt(after.Model, p) is { } due && after.Now >= due && !Holds(after, RuleIds.SedationDue))
        {
            var stopped = after.Model.CourseStoppedAt is null ? "" : " (after stop-course)";
            yield return new CourseViolation(Id, "assessment", $"RASS and pain due since {CourseDriver.Stamp(due)}{stopped} and no open {RuleIds.SedationDue} alert");
        }
    }

    /// <summary>The earliest unmet due time of RASS and pain, from the charted entries and the course's start, boluses and restarts.</summary>
    public static DateTimeOffset? AssessmentDueAt(CourseModel m, ProtocolParameters p)
    {
        if (m.CourseStartedAt is not { } started)
        {
            return null;
        }

        DateTimeOffset Due(ObservationKind kind)
        {
            // Each start, bolus or restart not yet followed by an assessment is an obligation; so is the routine one.
            var last = m.Charted.LastOrDefault(o => o.Kind == kind && o.ReceivedAt >= started)?.ReceivedAt;
            var unmet = m.AssessmentAnchors.Where(a => last is not { } l || a > l).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var afterChange = unmet == DateTimeOffset.MaxValue ? unmet : unmet + p.Sedation.AssessmentAfterChange;
            var routine = last is { } at ? at + p.Sedation.AssessmentRoutine : DateTimeOffset.MaxValue;
            return afterChange < routine ? afterChange : routine;
        }

        var rass = Due(ObservationKind.Sedation);
        var pain = Due(ObservationKind.Pain);
        return rass < pain ? rass : pain;
    }

    private static bool Holds(CourseFrame frame, string ruleId) =>
        frame.Book.Open.Any(a => a.RuleId == ruleId && a.ConditionHolds && a.State != AlertState.Latched);
}
