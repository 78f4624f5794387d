using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Course.Invariants;

/// <summary>
/// I8 on the gradual regimen, with the programmed daily dose as the pump now runs it: a tolerance smaller than a whole
/// titration step can never pass a start a whole step above the start limit (TITRATION_START while the course is still
/// at its start dose), nor a rise the pump reports above the highest dose reached by twice its band's largest step (TITRATION_STEP).
/// </summary>
public sealed class TitrationJudgedInMgPerDay : ICourseInvariant
{
    public string Id => "I8";

    public string Wording => "Titration is judged in mg/day as prescribed: a tolerance covers the pump's rounding, never a whole titration step, "
        + "at every syringe strength in use (1-50 mg/mL).";

    public IEnumerable<CourseViolation> Check(CourseFrame before, CourseFrame after)
    {
        var s = after.State;
        if (s.Prescription.Regimen != Regimen.Gradual || s.Pump?.Status is not { State: PumpState.Running } status
            || s.CheckingConcentrationMgPerMl is not { } c)
        {
            yield break;
        }

        var t = SeedProtocol.Parameters.Titration;
        var daily = DoseRateCalculator.ProgrammedDailyDoseMg(status.RateMlPerHour, c, SeedProtocol.Parameters.DoseRate.DailyDoseWindow);
        var strength = $"{status.RateMlPerHour} mL/h at {c} mg/mL on a {status.RateStepMlPerHour} mL/h pump = {decimal.Round(daily, 1)} mg/day";
        var wholeStepAboveStart = t.StartMaxMgPerDay + t.LowBandMaxStepMgPerDay;
        if (after.Model.StartDailyDoseMg is { } start && after.Model.HighestDailyDoseMg == start && start >= wholeStepAboveStart
            && daily >= wholeStepAboveStart && !Holds(after, RuleIds.TitrationStart))
        {
            yield return new CourseViolation(Id, "start",
                $"the course started at {decimal.Round(start, 1)} mg/day, a whole step above the {t.StartMaxMgPerDay} mg/day start limit, and runs {strength} with no {RuleIds.TitrationStart}");
        }

        // A rise is judged where the pump reports it; completing a prescription that re-reads the dose is CEILING's and
        // CONCENTRATION_MISMATCH's to say, not a titration step.
        if (after.Kind is CourseStepKind.PumpRunning or CourseStepKind.RateChange or CourseStepKind.PumpAnswer
            && before.Model.HighestDailyDoseMg is { } highest && daily > highest)
        {
            var maxStep = daily <= t.LowBandUpToMgPerDay ? t.LowBandMaxStepMgPerDay : t.HighBandMaxStepMgPerDay;
            if (daily - highest >= 2 * maxStep && !Holds(after, RuleIds.TitrationStep))
            {
                yield return new CourseViolation(Id, "step",
                    $"a rise from {decimal.Round(highest, 1)} to {decimal.Round(daily, 1)} mg/day (largest step {maxStep} mg/day) runs {strength} with no {RuleIds.TitrationStep}");
            }
        }
    }

    private static bool Holds(CourseFrame frame, string ruleId) =>
        frame.Book.Open.Any(a => a.RuleId == ruleId && a.ConditionHolds && a.State != AlertState.Latched);
}
