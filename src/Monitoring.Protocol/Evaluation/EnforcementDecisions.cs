using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// Which commands an enforcing ward sends after an evaluation, and in what order (see <see cref="EnforcementPolicy"/> for
/// what each command is): a breach of the rate allowed now, the hallucination's pause, the stopped course's pause. At
/// most one of each per evaluation, none while an earlier one for the same rule still awaits its answer.
/// </summary>
internal static class EnforcementDecisions
{
    public static (PatientState State, List<PumpCommand> Commands) Decide(
        PatientState s, IReadOnlySet<string> holdingIds, IReadOnlyList<PauseEvent> pauseEvents, EngineContext ctx, ProtocolParameters p)
    {
        var now = ctx.Now;
        var commands = new List<PumpCommand>();
        if (ctx.EnforcingMode && s.Pump is { } pump)
        {
            // A breach of the rate allowed now (CEILING, ORDER_LIMIT, or RESTART_NOT_LOWER at or above the pre-pause rate).
            if (EnforcementPolicy.BreachRule(s, holdingIds, p) is { } breach && !EnforcementPolicy.HasOutstanding(s, breach, pump.PumpId))
            {
                var (kind, rate) = EnforcementPolicy.ForBreach(s, p);
                commands.Add(EnforcementPolicy.Issue(s, kind, rate, breach, now, p));
                s = s with { CommandSequence = s.CommandSequence + 1 };
            }

            // Also a pump attached while the pause is pending: the new pump must be paused too.
            var pauseNeeded = pauseEvents.Contains(PauseEvent.PauseRequested) || (s.Pause.State == PauseState.PausePending && s.InfusionGoingIn);
            if (pauseNeeded && !EnforcementPolicy.HasOutstanding(s, RuleIds.Hallucination, pump.PumpId))
            {
                commands.Add(EnforcementPolicy.Issue(s, PumpCommandKind.Pause, null, RuleIds.Hallucination, now, p));
                s = s with { CommandSequence = s.CommandSequence + 1 };
            }

            // A stopped course: the drug going in is paused, as a hallucination's pause is (one pause is enough).
            if (holdingIds.Contains(RuleIds.CourseStoppedRunning) && !commands.Any(c => c.Kind == PumpCommandKind.Pause)
                && !EnforcementPolicy.HasOutstanding(s, RuleIds.CourseStoppedRunning, pump.PumpId) && !EnforcementPolicy.IsPauseAwaited(s, pump.PumpId, now))
            {
                commands.Add(EnforcementPolicy.Issue(s, PumpCommandKind.Pause, null, RuleIds.CourseStoppedRunning, now, p));
                s = s with { CommandSequence = s.CommandSequence + 1 };
            }
        }

        return (s, commands);
    }
}
