using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>I2: running above the rate allowed now has a HIGH rate alert open at every reading.</summary>
public sealed class HighAlertWhileAboveAllowedRate : ICourseInvariant
{
    /// <summary>
    /// The rules whose alert says the rate is too high: above the ceiling, the order or the patient's limit, at or above the
    /// pre-pause rate after a restart, or any rate at all after stop-course (COURSE_STOPPED_RUNNING, h/pause-course).
    /// </summary>
    public static readonly IReadOnlySet<string> RateRules = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleIds.Ceiling, RuleIds.RestartNotLower, RuleIds.OrderLimit, StoppedOrIncompleteCourseRunningIsHigh.CourseStoppedRunning,
    };

    public string Id => "I2";

    public string Wording => "While ketamine runs above the rate allowed now, a HIGH alert is open, from the first such reading to the last.";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        var s = after.State;
        if (s.Pump?.Status is not { State: PumpState.Running } status || s.CheckingConcentrationMgPerMl is not { } c
            || s.Prescription.WeightKg is not { } w || s.Prescription.ConcentrationMgPerMl is null)
        {
            yield break;
        }

        var allowed = AllowedRateModel.Of(s, SeedProtocol.Parameters);
        if (allowed.IsExceededBy(status.RateMlPerHour, c, w)
            && !after.Book.Open.Any(a => a.Priority == AlertPriority.High && RateRules.Contains(a.RuleId)))
        {
            var dose = decimal.Round(DoseRateCalculator.DoseRateMgPerKgPerHour(status.RateMlPerHour, c, w), 3);
            var open = string.Join(", ", after.Book.Open.Select(a => $"{a.RuleId} {a.Priority}"));
            yield return new CourseViolation(Id, allowed.StrictlyBelow ? "restart-lower" : "ceiling",
                $"running {status.RateMlPerHour} mL/h = {dose} mg/kg/h, the rate allowed now is {allowed.Reason}, and no HIGH rate alert "
                + $"({string.Join("/", RateRules)}) is open (open: {(open.Length == 0 ? "none" : open)})");
        }
    }
}
