using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>TITRATION_START and TITRATION_STEP, for the gradual regimen only.</summary>
internal static class TitrationRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var status = s.Pump?.Status;
        if (s.Prescription.Regimen != Regimen.Gradual || status?.State != PumpState.Running
            || s.CheckingConcentrationMgPerMl is not { } concentration)
        {
            yield break;
        }

        var window = p.DoseRate.DailyDoseWindow;
        var daily = DoseRateCalculator.ProgrammedDailyDoseMg(status.RateMlPerHour, concentration, window);
        var pumpStep = DoseRateCalculator.ProgrammedDailyDoseMg(status.RateStepMlPerHour, concentration, window);
        var tolerance = TitrationPolicy.RoundingTolerance(pumpStep, p.Titration);
        var course = s.Course;

        if (course.StartDailyDoseMg is { } start && start > p.Titration.StartMaxMgPerDay + tolerance
            && course.LastIncreaseAt == course.StartedAt && daily > p.Titration.StartMaxMgPerDay + tolerance)
        {
            var coarse = TitrationPolicy.CannotProgram(p.Titration.StartMaxMgPerDay, pumpStep, p.Titration) is { } text ? $"; {text}" : "";
            yield return Condition(p, RuleIds.TitrationStart,
                $"started at {ValueText.DailyDose(start)}, above {ValueText.DailyDose(p.Titration.StartMaxMgPerDay)}{coarse}", s.Pump?.PumpId);
        }

        if (course.TitrationViolation is { } violation && TitrationPolicy.StillBreaks(violation, daily, now, pumpStep, p.Titration))
        {
            yield return Condition(p, RuleIds.TitrationStep, violation.Reason, s.Pump?.PumpId);
        }
    }

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value, string? deviceId) =>
        new(ruleId, p.Rule(ruleId).Priority, value, 0, deviceId);
}
