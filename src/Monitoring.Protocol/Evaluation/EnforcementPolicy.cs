using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// What an enforcing ward does to the pump, as data the caller sends:
/// CEILING: back to the last dose rate that ran within the ceiling in this course (kept in mg/kg/h,
/// converted for the pump attached now, rounded down to its rate step and checked again), or pause if
/// there is none. Never to a computed maximum: that would lock in a 10x keying error.
/// HALLUCINATION: pause at once.
/// </summary>
public static class EnforcementPolicy
{
    /// <summary>The command for a CEILING breach, for the pump now attached.</summary>
    public static (PumpCommandKind Kind, decimal? RateMlPerHour) ForCeiling(PatientState s, ProtocolParameters p)
    {
        var status = s.Pump?.Status;
        if (status is not null && s.Course.LastInCeilingDoseRateMgPerKgPerHour is { } target
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

            if (rate > 0m && DoseRateCalculator.IsWithinCeiling(rate, concentration, weight, p.DoseRate.CeilingMgPerKgPerHour))
            {
                return (PumpCommandKind.SetRate, rate);
            }
        }

        return (PumpCommandKind.Pause, null);
    }

    /// <summary>True when a command for this rule to this pump is still awaiting its answer or has already failed.</summary>
    public static bool HasOutstanding(PatientState s, string ruleId, string pumpId) =>
        s.Commands.Any(c => c.RuleId == ruleId && c.PumpId == pumpId && c.Result is not CommandResult.Done);

    public static PumpCommand Issue(PatientState s, PumpCommandKind kind, decimal? rate, string ruleId, DateTimeOffset now, ProtocolParameters p) =>
        new($"{s.PatientId}-cmd-{s.CommandSequence + 1}", s.Pump!.PumpId, kind, rate, ruleId, now, now + p.Commands.ConfirmWithin);

    /// <summary>
    /// Failed and answered commands leave the list once the rule that sent them no longer holds (its purpose
    /// is met); a command still awaiting its answer stays until answered or expired.
    /// </summary>
    public static IReadOnlyList<PumpCommand> Prune(IReadOnlyList<PumpCommand> commands, IReadOnlySet<string> holdingRuleIds, DateTimeOffset now) =>
        commands.Where(c => (c.Result is null && now < c.ExpiresAt) || (c.Result is not CommandResult.Done && holdingRuleIds.Contains(c.RuleId)))
            .ToList();

    internal static bool IsEnforced(string ruleId) => ruleId is RuleIds.Ceiling or RuleIds.Hallucination;
}
