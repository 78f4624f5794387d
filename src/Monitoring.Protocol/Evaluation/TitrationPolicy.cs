using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// Records the titration history from the programmed daily dose of each running status, and judges each
/// increase against the gradual regimen. A step is an increase above the highest dose the course has
/// already reached (the "established" dose): decreases, restarts from 0, a keep-vein-open restart and a
/// return to the pre-pause rate are therefore not steps. All comparisons allow one pump rate step.
/// </summary>
public static class TitrationPolicy
{
    /// <param name="dailyDoseMg">The programmed daily dose now running.</param>
    /// <param name="toleranceMgPerDay">One pump rate step expressed in mg/day.</param>
    public static CourseState OnRunning(CourseState course, DateTimeOffset now, decimal dailyDoseMg, decimal toleranceMgPerDay, TitrationParameters p)
    {
        if (!course.HasStarted)
        {
            return course with
            {
                StartedAt = now,
                StartDailyDoseMg = dailyDoseMg,
                EstablishedDailyDoseMg = dailyDoseMg,
                LastIncreaseAt = now,
                LastDoseChangeAt = now,
            };
        }

        var established = course.EstablishedDailyDoseMg ?? 0m;
        if (dailyDoseMg <= established + toleranceMgPerDay)
        {
            return course;
        }

        var violation = Judge(established, dailyDoseMg, course.LastIncreaseAt ?? now, now, toleranceMgPerDay, p);
        return course with
        {
            EstablishedDailyDoseMg = dailyDoseMg,
            LastIncreaseAt = now,
            LastDoseChangeAt = now,
            TitrationViolation = violation ?? course.TitrationViolation,
        };
    }

    /// <summary>
    /// Whether a violating step still describes the dose running now. Above the dose it reached, a later
    /// increase has been judged on its own and the violation holds as recorded (too large, or until the
    /// interval has passed). At or below it, the dose now running is judged as the step from the dose before:
    /// back within one rate step of that dose, the step is undone; lowered to an allowed size, a step that was
    /// too large no longer is; still an increase within the interval, a step that was too soon still is.
    /// </summary>
    public static bool StillBreaks(TitrationViolation violation, decimal dailyDoseMg, DateTimeOffset now, decimal toleranceMgPerDay, TitrationParameters p)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(p);

        var tooSoon = now < violation.AllowedAt;
        if (dailyDoseMg > violation.ToDailyDoseMg + toleranceMgPerDay)
        {
            return violation.TooLarge || tooSoon;
        }

        var step = dailyDoseMg - violation.FromDailyDoseMg;
        if (step <= toleranceMgPerDay)
        {
            return false;
        }

        var (maxStep, _) = Band(dailyDoseMg, toleranceMgPerDay, p);
        return step > maxStep + toleranceMgPerDay || tooSoon;
    }

    /// <summary>Judges one increase; null when it keeps to the regimen.</summary>
    public static TitrationViolation? Judge(
        decimal fromDailyDoseMg, decimal toDailyDoseMg, DateTimeOffset previousIncreaseAt, DateTimeOffset now,
        decimal toleranceMgPerDay, TitrationParameters p)
    {
        var (maxStep, interval) = Band(toDailyDoseMg, toleranceMgPerDay, p);
        var step = toDailyDoseMg - fromDailyDoseMg;
        var tooLarge = step > maxStep + toleranceMgPerDay;
        var tooSoon = now - previousIncreaseAt < interval;
        if (!tooLarge && !tooSoon)
        {
            return null;
        }

        var reasons = new List<string>();
        if (tooLarge)
        {
            reasons.Add($"step {ValueText.DailyDose(step)} above {ValueText.DailyDose(maxStep)}");
        }

        if (tooSoon)
        {
            reasons.Add($"{ValueText.Duration(now - previousIncreaseAt)} after the previous increase, under {ValueText.Duration(interval)}");
        }

        return new TitrationViolation(fromDailyDoseMg, toDailyDoseMg, now, tooLarge, previousIncreaseAt + interval,
            $"{ValueText.DailyDose(fromDailyDoseMg)} to {ValueText.DailyDose(toDailyDoseMg)}: {string.Join("; ", reasons)}");
    }

    /// <summary>The band the new programmed daily dose falls in: its largest step and the interval after the previous increase.</summary>
    private static (decimal MaxStepMgPerDay, TimeSpan MinInterval) Band(decimal toDailyDoseMg, decimal toleranceMgPerDay, TitrationParameters p) =>
        toDailyDoseMg <= p.LowBandUpToMgPerDay + toleranceMgPerDay
            ? (p.LowBandMaxStepMgPerDay, p.LowBandMinInterval)
            : (p.HighBandMaxStepMgPerDay, p.HighBandMinInterval);
}
