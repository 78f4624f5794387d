using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// What an enforcing ward does to the pump, as data the caller sends:
/// a breach of the rate allowed now (CEILING, ORDER_LIMIT, RESTART_NOT_LOWER at or above the pre-pause rate):
/// back to the last dose rate that ran within the rate allowed at the time (kept in mg/kg/h, converted for the
/// pump attached now, rounded down to its rate step and checked again against the rate allowed now), or pause
/// if there is none. Never to a computed maximum: that would lock in a 10x keying error. After a hallucination
/// restart the pre-pause rate is no longer allowed, so it is never the target (I1).
/// HALLUCINATION: pause at once. COURSE_STOPPED_RUNNING: pause at once too (the course was stopped by a clinician).
/// </summary>
public static class EnforcementPolicy
{
    /// <summary>
    /// The rule whose breach of the rate allowed now enforcement answers, the most severe first; null when none.
    /// RESTART_NOT_LOWER only when the pre-pause rate is known and the pump runs at or above it (an unchecked
    /// restart alarms but gives no rate to act on).
    /// </summary>
    public static string? BreachRule(PatientState s, IReadOnlySet<string> holdingRuleIds, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(holdingRuleIds);
        if (holdingRuleIds.Contains(RuleIds.Ceiling))
        {
            return RuleIds.Ceiling;
        }

        if (holdingRuleIds.Contains(RuleIds.OrderLimit))
        {
            return RuleIds.OrderLimit;
        }

        return holdingRuleIds.Contains(RuleIds.RestartNotLower) && s.PumpIsRunning
            && s.RestartLower?.PrePauseDoseRateMgPerKgPerHour is not null && !AllowedRate.PermitsCurrent(s, p)
            ? RuleIds.RestartNotLower
            : null;
    }

    /// <summary>The command for a CEILING breach, for the pump now attached (the same as any breach of the rate allowed now).</summary>
    public static (PumpCommandKind Kind, decimal? RateMlPerHour) ForCeiling(PatientState s, ProtocolParameters p) => ForBreach(s, p);

    /// <summary>The command for a breach of the rate allowed now, for the pump now attached: never a rate the rate allowed now refuses.</summary>
    public static (PumpCommandKind Kind, decimal? RateMlPerHour) ForBreach(PatientState s, ProtocolParameters p)
    {
        // A stopped course allows no rate at all: whatever breached, the drug stops (I1, I4).
        if (s.Course.StoppedAt is not null)
        {
            return (PumpCommandKind.Pause, null);
        }

        var status = s.Pump?.Status;
        if (status is not null && (s.LastAllowedDoseRateMgPerKgPerHour ?? s.Course.LastInCeilingDoseRateMgPerKgPerHour) is { } target
            && s.CheckingConcentrationMgPerMl is { } concentration && s.Prescription.WeightKg is { } weight)
        {
            var rate = DoseRateCalculator.RateForDoseRate(target, concentration, weight, status.RateStepMlPerHour);

            // The kept dose rate is a quotient rounded at 28 digits: it can sit a hair below the rate x
            // concentration it came from, which rounds the rate that actually ran down a whole step. One step
            // more is taken when its own dose rate, computed the same way, is not above the kept one.
            var oneStepMore = rate + status.RateStepMlPerHour;
            if (DoseRateCalculator.DoseRateMgPerKgPerHour(oneStepMore, concentration, weight) <= target)
            {
                rate = oneStepMore;
            }

            if (rate > 0m && AllowedRate.Of(s, p).Permits(rate, concentration, weight))
            {
                return (PumpCommandKind.SetRate, rate);
            }
        }

        return (PumpCommandKind.Pause, null);
    }

    /// <summary>
    /// True when a command for this rule to this pump is still awaiting its answer or has already failed (then
    /// COMMAND_NOT_CONFIRMED holds and a human acts: no command is sent again and again).
    /// </summary>
    public static bool HasOutstanding(PatientState s, string ruleId, string pumpId) =>
        s.Commands.Any(c => c.RuleId == ruleId && c.PumpId == pumpId && !c.IsHonoured);

    /// <summary>A pause to this pump still awaits its answer (whichever rule sent it): a second one would say nothing new.</summary>
    public static bool IsPauseAwaited(PatientState s, string pumpId, DateTimeOffset now) =>
        s.Commands.Any(c => c.PumpId == pumpId && c.Kind == PumpCommandKind.Pause && c.Result is null && now < c.ExpiresAt);

    /// <summary>
    /// A command answered done by the status now evaluated, whose purpose that same status shows unmet, was not
    /// honoured: the pump confirms in the status after it acted (interfaces.md), so "done" with the rate still above
    /// the ceiling, or still running under a pause command, is a pump that did not do what it said.
    /// </summary>
    public static IReadOnlyList<PumpCommand> MarkNotHonoured(PatientState s, IReadOnlySet<string> holdingRuleIds, DateTimeOffset now) =>
        s.Commands.Select(c => c.IsHonoured && c.AnsweredAt == now && !IsPurposeMet(c, s, holdingRuleIds) ? c with { NotHonoured = true } : c)
            .ToList();

    /// <summary>What a command was for is done: the ceiling no longer breached, or the drug no longer going in.</summary>
    private static bool IsPurposeMet(PumpCommand c, PatientState s, IReadOnlySet<string> holdingRuleIds) => c.RuleId switch
    {
        RuleIds.Ceiling => !holdingRuleIds.Contains(RuleIds.Ceiling),
        RuleIds.OrderLimit => !holdingRuleIds.Contains(RuleIds.OrderLimit),
        RuleIds.RestartNotLower => !holdingRuleIds.Contains(RuleIds.RestartNotLower),
        RuleIds.Hallucination or RuleIds.CourseStoppedRunning => !s.InfusionGoingIn,
        _ => true,
    };

    public static PumpCommand Issue(PatientState s, PumpCommandKind kind, decimal? rate, string ruleId, DateTimeOffset now, ProtocolParameters p) =>
        new($"{s.PatientId}-cmd-{s.CommandSequence + 1}", s.Pump!.PumpId, kind, rate, ruleId, now, now + p.Commands.ConfirmWithin);

    /// <summary>
    /// Honoured commands leave the list at once; failed ones once the rule that sent them no longer holds or their
    /// purpose is met otherwise (a nurse paused the pump by hand); a command still awaiting its answer stays until
    /// answered or expired.
    /// </summary>
    public static IReadOnlyList<PumpCommand> Prune(PatientState s, IReadOnlySet<string> holdingRuleIds, DateTimeOffset now) =>
        s.Commands.Where(c => (c.Result is null && now < c.ExpiresAt)
                || (!c.IsHonoured && holdingRuleIds.Contains(c.RuleId) && !IsPurposeMet(c, s, holdingRuleIds)))
            .ToList();

    internal static bool IsEnforced(string ruleId) =>
        ruleId is RuleIds.Ceiling or RuleIds.OrderLimit or RuleIds.RestartNotLower or RuleIds.Hallucination or RuleIds.CourseStoppedRunning;
}
