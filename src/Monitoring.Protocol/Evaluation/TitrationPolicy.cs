using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// Records the titration history from the programmed daily dose of each running status, and judges each
/// increase against the gradual regimen. A step is an increase above the highest dose the course has
/// already reached (the "established" dose): decreases, restarts from 0, a keep-vein-open restart and a
/// return to the pre-pause rate are therefore not steps. Every comparison allows the pump-rounding
/// tolerance (<see cref="RoundingTolerance"/>), which never covers a whole titration step (I8).
/// </summary>
public static class TitrationPolicy
{
    /// <summary>
    /// What a comparison allows for the pump's rounding: one pump rate step in mg/day, capped at a fraction
    /// of the smallest titration quantity, so a coarse pump (24 mg/day per step at 10 mg/mL on 0.1 mL/h)
    /// cannot make a start of 24 mg/day or a step of 24 mg/day look allowed.
    /// </summary>
    public static decimal RoundingTolerance(decimal pumpStepMgPerDay, TitrationParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Math.Min(pumpStepMgPerDay, p.RoundingToleranceFraction * SmallestTitrationQuantity(p));
    }

    /// <summary>
    /// Said beside a start or step alert when one pump rate step is itself above the limit: no rate on this
    /// pump at this concentration keeps to the regimen, so the syringe or the pump must change.
    /// </summary>
    public static string? CannotProgram(decimal limitMgPerDay, decimal pumpStepMgPerDay, TitrationParameters p) =>
        pumpStepMgPerDay > limitMgPerDay + RoundingTolerance(pumpStepMgPerDay, p)
            ? $"one pump rate step is {ValueText.DailyDose(pumpStepMgPerDay)}: this pump and syringe cannot titrate by {ValueText.DailyDose(limitMgPerDay)}"
            : null;

    /// <param name="dailyDoseMg">The programmed daily dose now running.</param>
    /// <param name="pumpStepMgPerDay">One pump rate step expressed in mg/day at the checking concentration.</param>
    public static CourseState OnRunning(CourseState course, DateTimeOffset now, decimal dailyDoseMg, decimal pumpStepMgPerDay, TitrationParameters p)
    {
        if (!course.HasStarted)
        {
            return course.WithDoseChange(now) with
            {
                StartedAt = now,
                StartDailyDoseMg = dailyDoseMg,
                EstablishedDailyDoseMg = dailyDoseMg,
                LastIncreaseAt = now,
            };
        }

        var established = course.EstablishedDailyDoseMg ?? 0m;
        if (dailyDoseMg <= established + RoundingTolerance(pumpStepMgPerDay, p))
        {
            return course;
        }

        var violation = Judge(established, dailyDoseMg, course.LastIncreaseAt ?? now, now, pumpStepMgPerDay, p);
        return course.WithDoseChange(now) with
        {
            EstablishedDailyDoseMg = dailyDoseMg,
            LastIncreaseAt = now,
            TitrationViolation = violation ?? course.TitrationViolation,
        };
    }

    /// <summary>
    /// Whether a violating step still describes the dose running now. Above the dose it reached, a later
    /// increase has been judged on its own and the violation holds as recorded (too large, or until the
    /// interval has passed). At or below it, the dose now running is judged as the step from the dose before:
    /// back within the rounding tolerance of that dose, the step is undone; lowered to an allowed size, a step
    /// that was too large no longer is; still an increase within the interval, a step that was too soon still is.
    /// </summary>
    public static bool StillBreaks(TitrationViolation violation, decimal dailyDoseMg, DateTimeOffset now, decimal pumpStepMgPerDay, TitrationParameters p)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(p);

        var tolerance = RoundingTolerance(pumpStepMgPerDay, p);
        var tooSoon = now < violation.AllowedAt;
        if (dailyDoseMg > violation.ToDailyDoseMg + tolerance)
        {
            return violation.TooLarge || tooSoon;
        }

        var step = dailyDoseMg - violation.FromDailyDoseMg;
        if (step <= tolerance)
        {
            return false;
        }

        var (maxStep, _) = Band(dailyDoseMg, tolerance, p);
        return step > maxStep + tolerance || tooSoon;
    }

    /// <summary>Judges one increase; null when it keeps to the regimen.</summary>
    public static TitrationViolation? Judge(
        decimal fromDailyDoseMg, decimal toDailyDoseMg, DateTimeOffset previousIncreaseAt, DateTimeOffset now,
        decimal pumpStepMgPerDay, TitrationParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var tolerance = RoundingTolerance(pumpStepMgPerDay, p);
        var (maxStep, interval) = Band(toDailyDoseMg, tolerance, p);
        var step = toDailyDoseMg - fromDailyDoseMg;
        var tooLarge = step > maxStep + tolerance;
        var tooSoon = now - previousIncreaseAt < interval;
        if (!tooLarge && !tooSoon)
        {
            return null;
        }

        var reasons = new List<string>();
        if (tooLarge)
        {
            reasons.Add($"step {ValueText.DailyDose(step)} above {ValueText.DailyDose(maxStep)}");
            if (CannotProgram(maxStep, pumpStepMgPerDay, p) is { } coarse)
            {
                reasons.Add(coarse);
            }
        }

        if (tooSoon)
        {
            reasons.Add($"{ValueText.Duration(now - previousIncreaseAt)} after the previous increase, under {ValueText.Duration(interval)}");
        }

        return new TitrationViolation(fromDailyDoseMg, toDailyDoseMg, now, tooLarge, previousIncreaseAt + interval,
            $"{ValueText.DailyDose(fromDailyDoseMg)} to {ValueText.DailyDose(toDailyDoseMg)}: {string.Join("; ", reasons)}");
    }

    private static decimal SmallestTitrationQuantity(TitrationParameters p) =>
        Math.Min(p.StartMaxMgPerDay, Math.Min(p.LowBandMaxStepMgPerDay, p.HighBandMaxStepMgPerDay));

    /// <summary>The band the new programmed daily dose falls in: its largest step and the interval after the previous increase.</summary>
    private static (decimal MaxStepMgPerDay, TimeSpan MinInterval) Band(decimal toDailyDoseMg, decimal toleranceMgPerDay, TitrationParameters p) =>
        toDailyDoseMg <= p.LowBandUpToMgPerDay + toleranceMgPerDay
            ? (p.LowBandMaxStepMgPerDay, p.LowBandMinInterval)
            : (p.HighBandMaxStepMgPerDay, p.HighBandMinInterval);
}
