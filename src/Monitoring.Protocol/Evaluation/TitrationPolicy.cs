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

    /// <summary>Judges one increase; null when it keeps to the regimen.</summary>
    public static TitrationViolation? Judge(
        decimal fromDailyDoseMg, decimal toDailyDoseMg, DateTimeOffset previousIncreaseAt, DateTimeOffset now,
        decimal toleranceMgPerDay, TitrationParameters p)
    {
        var lowBand = toDailyDoseMg <= p.LowBandUpToMgPerDay + toleranceMgPerDay;
        var maxStep = lowBand ? p.LowBandMaxStepMgPerDay : p.HighBandMaxStepMgPerDay;
        var interval = lowBand ? p.LowBandMinInterval : p.HighBandMinInterval;
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
}
