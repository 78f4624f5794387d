using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>
/// I6: while an alert is open, a worse value of its condition updates its value and re-alarms: a bigger over-limit
/// acute bolus (BOLUS_ACUTE), a bigger over-limit midazolam dose (BENZO_DOSE), SpO2 into a worse band (SPO2), the
/// dose rate into a worse band above the ceiling (CEILING). Bands come from the protocol file.
/// </summary>
public sealed class WorseValueReAlarms : ICourseInvariant
{
    public string Id => "I6";

    public string Wording => "A worse value of a condition already held (a bigger bolus, a lower SpO2 band, a higher rate) updates the alert's value and re-alarms.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        if (Bigger(before.Model.AcuteBolusHeld, after.Model.AcuteBolusHeld) is { } bolus)
        {
            foreach (var v in ReAlarmed(before, after, RuleIds.BolusAcute, "bolus", $"a bigger acute bolus {decimal.Round(bolus, 3)} mg/kg"))
            {
                yield return v;
            }
        }

        if (Bigger(before.Model.MidazolamHeld, after.Model.MidazolamHeld) is { } midazolam)
        {
            foreach (var v in ReAlarmed(before, after, RuleIds.BenzoDose, "midazolam", $"a bigger midazolam dose {decimal.Round(midazolam, 3)} mg/kg"))
            {
                yield return v;
            }
        }

        var p = SeedProtocol.Parameters;
        if (after.State.Vitals.Spo2 is { } spo2 && spo2.At == after.Now && before.OpenAlert(RuleIds.Spo2) is { } spo2Alert
            && p.Vitals.Spo2WorseBandsPercent.Count(b => spo2.Value < b) is var spo2Band && spo2Band > spo2Alert.Band
            && after.OpenAlert(RuleIds.Spo2) is { ConditionHolds: true })
        {
            foreach (var v in ReAlarmed(before, after, RuleIds.Spo2, "spo2-band", $"SpO2 {spo2.Value} % (band {spo2Band}, alert at band {spo2Alert.Band})"))
            {
                yield return v;
            }
        }

        var s = after.State;
        if (s.Pump?.Status is { State: PumpState.Running } status && s.CheckingConcentrationMgPerMl is { } c && s.Prescription.WeightKg is { } w
            && before.OpenAlert(RuleIds.Ceiling) is { } ceiling && after.OpenAlert(RuleIds.Ceiling) is { ConditionHolds: true }
            && p.DoseRate.CeilingWorseBandsMgPerKgPerHour.Count(b => status.RateMlPerHour * c > b * w) is var band && band > ceiling.Band)
        {
            foreach (var v in ReAlarmed(before, after, RuleIds.Ceiling, "rate-band", $"{status.RateMlPerHour} mL/h (band {band}, alert at band {ceiling.Band})"))
            {
                yield return v;
            }
        }
    }

    private static decimal? Bigger((string AlertId, decimal MgPerKg)? before, (string AlertId, decimal MgPerKg)? after) =>
        before is { } b && after is { } a && a.AlertId == b.AlertId && a.MgPerKg > b.MgPerKg ? a.MgPerKg : null;

    private IEnumerable<CourseViolation> ReAlarmed(CourseFrame before, CourseFrame after, string ruleId, string aspect, string what)
    {
        var was = before.OpenAlert(ruleId);
        var now = after.OpenAlert(ruleId);
        if (!after.HasEvent(ruleId, AlertEventType.ReAlarmed))
        {
            yield return new CourseViolation(Id, aspect, $"{what} while {ruleId} was open (\"{was?.LastValue}\"): no re-alarm");
        }
        else if (now is null || now.LastValue == was?.LastValue)
        {
            yield return new CourseViolation(Id, aspect, $"{what} while {ruleId} was open: the alert still reads \"{now?.LastValue}\"");
        }
    }
}
