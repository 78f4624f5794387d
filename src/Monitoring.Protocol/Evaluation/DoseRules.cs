using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// CEILING, CEILING_PROGRAMMED, CONCENTRATION_MISMATCH, SOFT_RANGE, WEIGHT_UNKNOWN, CUMULATIVE_HOUR,
/// HIGH_DAILY_DOSE. Limits are tested by cross-multiplication (rate x concentration against limit x
/// weight), never by comparing a rounded quotient.
/// </summary>
internal static class DoseRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var status = s.Pump?.Status;
        var weight = s.Prescription.WeightKg;
        var concentration = s.CheckingConcentrationMgPerMl;
        var figures = DoseFigures.Of(s, now, p);

        if (s.InfusionGoingIn && (weight is null || s.Prescription.ConcentrationMgPerMl is null))
        {
            var missing = weight is null ? "weight unknown" : "concentration not prescribed";
            yield return Condition(p, RuleIds.WeightUnknown, missing, s.Pump?.PumpId);
        }

        if (status is not null && status.ConcentrationMgPerMl is { } pumpConcentration
            && s.Prescription.ConcentrationMgPerMl is { } prescribed && pumpConcentration != prescribed)
        {
            yield return Condition(p, RuleIds.ConcentrationMismatch,
                $"pump {ValueText.Number(pumpConcentration)} mg/mL, prescribed {ValueText.Number(prescribed)} mg/mL", s.Pump?.PumpId);
        }

        var ceilingHolds = false;
        if (status is not null && weight is { } w && concentration is { } c && figures.DoseRateMgPerKgPerHour is { } doseRate)
        {
            var aboveCeiling = !DoseRateCalculator.IsWithinCeiling(status.RateMlPerHour, c, w, p.DoseRate.CeilingMgPerKgPerHour);
            if (status.State == PumpState.Running && aboveCeiling)
            {
                ceilingHolds = true;
                var band = p.DoseRate.CeilingWorseBandsMgPerKgPerHour.Count(b => status.RateMlPerHour * c > b * w);
                yield return Condition(p, RuleIds.Ceiling, ValueText.DoseRate(doseRate), s.Pump?.PumpId, band);
            }

            if (status.State is PumpState.Paused or PumpState.Stopped && aboveCeiling)
            {
                yield return Condition(p, RuleIds.CeilingProgrammed, $"programmed {ValueText.DoseRate(doseRate)}", s.Pump?.PumpId);
            }

            var outsideUsualRange = status.RateMlPerHour * c < p.DoseRate.UsualMinMgPerKgPerHour * w
                || status.RateMlPerHour * c > p.DoseRate.UsualMaxMgPerKgPerHour * w;
            // Silent while paused and on a required lower restart; CEILING already says more than SOFT_RANGE.
            if (s.Prescription.Regimen == Regimen.WeightBased && status.State == PumpState.Running && outsideUsualRange
                && !s.Pause.IsActive && !s.Pause.LowerRestart && !ceilingHolds)
            {
                yield return Condition(p, RuleIds.SoftRange, ValueText.DoseRate(doseRate), s.Pump?.PumpId);
            }
        }

        if (weight is { } kg && figures.TrailingHourMg is { } hourMg && hourMg > p.CumulativeHour.LimitMgPerKg * kg)
        {
            yield return Condition(p, RuleIds.CumulativeHour, $"{ValueText.MgPerKg(hourMg / kg)} in the last hour", s.Pump?.PumpId);
        }

        var programmedWhileRunning = s.PumpIsRunning ? figures.ProgrammedDailyDoseMg : null;
        var daily = Math.Max(programmedWhileRunning ?? 0m, figures.DeliveredDailyDoseMg ?? 0m);
        if (daily >= p.Titration.HighDailyDoseMgPerDay)
        {
            yield return Condition(p, RuleIds.HighDailyDose, ValueText.DailyDose(daily), s.Pump?.PumpId);
        }
    }

    private static RuleCondition Condition(ProtocolParameters p, string ruleId, string value, string? deviceId, int band = 0) =>
        new(ruleId, p.Rule(ruleId).Priority, value, band, deviceId);
}
