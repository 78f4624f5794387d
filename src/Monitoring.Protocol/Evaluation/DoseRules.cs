using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// CEILING, ORDER_LIMIT, CEILING_PROGRAMMED, CONCENTRATION_MISMATCH, SOFT_RANGE, WEIGHT_UNKNOWN, CUMULATIVE_HOUR,
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

            // The order's or the patient's maximum; the ceiling is CEILING's and the restart bound RESTART_NOT_LOWER's,
            // so one fact sounds once (I2 is held by the three together).
            var ordered = AllowedRate.Prescribed(s, p);
            if (status.State == PumpState.Running && !ceilingHolds && ordered.Bound != AllowedRateBound.Ceiling
                && !ordered.Permits(status.RateMlPerHour, c, w))
            {
                var whose = ordered.Bound == AllowedRateBound.Order ? "the order's" : "the patient's";
                yield return Condition(p, RuleIds.OrderLimit,
                    $"{ValueText.DoseRate(doseRate)}, above {whose} maximum {ValueText.DoseRate(ordered.MaxMgPerKgPerHour)}", s.Pump?.PumpId);
            }

            var outsideUsualRange = status.RateMlPerHour * c < EffectiveLimits.UsualMinMgPerKgPerHour(s, p) * w
                || status.RateMlPerHour * c > EffectiveLimits.UsualMaxMgPerKgPerHour(s, p) * w;
            // Silent while paused and on a required lower restart; a HIGH breach of the rate allowed now already says more.
            if (s.Prescription.Regimen == Regimen.WeightBased && status.State == PumpState.Running && outsideUsualRange
                && !s.Pause.IsActive && !s.Pause.LowerRestart && !ceilingHolds && AllowedRate.Of(s, p).Permits(status.RateMlPerHour, c, w))
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
