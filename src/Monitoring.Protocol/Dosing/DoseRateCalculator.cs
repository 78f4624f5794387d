namespace Monitoring.Protocol.Dosing;

/// <summary>
/// The one formula everything hangs on (clinical-protocol.md, Units): dose rate (mg/kg/h) =
/// rate (mL/h) x concentration (mg/mL) / weight (kg). All in <see cref="decimal"/>, never through double.
/// </summary>
/// <remarks>
/// Comparisons are made on products, never on a quotient: a quotient such as 1/3 is rounded at
/// 28 digits and can land on the wrong side of a limit. Products of values with a few decimals
/// (what pumps, syringes and scales report) are exact in decimal.
/// </remarks>
public static class DoseRateCalculator
{
    /// <summary>The dose rate in mg/kg/h, for display and for keeping "the last in-ceiling dose rate".</summary>
    public static decimal DoseRateMgPerKgPerHour(decimal rateMlPerHour, decimal concentrationMgPerMl, decimal weightKg)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateMlPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(concentrationMgPerMl);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        return rateMlPerHour * concentrationMgPerMl / weightKg;
    }

    /// <summary>
    /// rate x concentration &lt;= ceiling x weight: exactly at the ceiling is allowed. Never decided on
    /// the rounded quotient, which can read exactly at the ceiling while the true dose rate is above it.
    /// </summary>
    public static bool IsWithinCeiling(
        decimal rateMlPerHour, decimal concentrationMgPerMl, decimal weightKg, decimal ceilingMgPerKgPerHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateMlPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(concentrationMgPerMl);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        ArgumentOutOfRangeException.ThrowIfNegative(ceilingMgPerKgPerHour);
        return rateMlPerHour * concentrationMgPerMl <= ceilingMgPerKgPerHour * weightKg;
    }

    /// <summary>
    /// The programmed daily dose: rate x concentration over the daily window
    /// (pass <c>DoseRateParameters.DailyDoseWindow</c>, 24 h), so hours-per-day is data, not code.
    /// </summary>
    public static decimal ProgrammedDailyDoseMg(decimal rateMlPerHour, decimal concentrationMgPerMl, TimeSpan dailyWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dailyWindow, TimeSpan.Zero);
        return InfusedMg(rateMlPerHour, concentrationMgPerMl, dailyWindow);
    }

    /// <summary>
    /// mg delivered by a constant rate over a duration, on exact elapsed ticks. Multiplies before it
    /// divides so there is a single rounding (none at all for whole hours or minutes).
    /// </summary>
    public static decimal InfusedMg(decimal rateMlPerHour, decimal concentrationMgPerMl, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rateMlPerHour);
        ArgumentOutOfRangeException.ThrowIfNegative(concentrationMgPerMl);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return rateMlPerHour * concentrationMgPerMl * duration.Ticks / TimeSpan.TicksPerHour;
    }

    /// <summary>A dose in mg per kg of body weight (boluses, and CUMULATIVE_HOUR's delivered mg).</summary>
    public static decimal BolusMgPerKg(decimal doseMg, decimal weightKg)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(doseMg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        return doseMg / weightKg;
    }

    /// <summary>
    /// The pump rate (mL/h) for a dose rate, rounded DOWN to a whole number of the pump's rate steps:
    /// the largest rate with rate x concentration &lt;= dose rate x weight. Used to command the pump back
    /// to the last in-ceiling dose rate; rounding down keeps the result within whatever the request was within.
    /// </summary>
    public static decimal RateForDoseRate(
        decimal doseRateMgPerKgPerHour, decimal concentrationMgPerMl, decimal weightKg, decimal rateStepMlPerHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(doseRateMgPerKgPerHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentrationMgPerMl);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rateStepMlPerHour);

        // Counted in mg/h per step against mg/h allowed, so the answer rests on products, not on a rounded dose rate.
        var steps = WholeStepsWithin(doseRateMgPerKgPerHour * weightKg, concentrationMgPerMl * rateStepMlPerHour);
        return steps * rateStepMlPerHour;
    }

    /// <summary>The largest whole multiple of <paramref name="step"/> not above <paramref name="rate"/>.</summary>
    public static decimal RoundDownToStep(decimal rate, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return WholeStepsWithin(rate, step) * step;
    }

    /// <summary>The largest whole n with n x stepSize &lt;= amount (amount &gt;= 0, stepSize &gt; 0).</summary>
    private static decimal WholeStepsWithin(decimal amount, decimal stepSize)
    {
        var steps = decimal.Floor(amount / stepSize);

        // The quotient is rounded at 28 digits and can land on a whole number it does not reach
        // (or just short of one it does): settle the count on the exact products.
        while (steps > decimal.Zero && steps * stepSize > amount)
        {
            steps -= decimal.One;
        }

        while ((steps + decimal.One) * stepSize <= amount)
        {
            steps += decimal.One;
        }

        return steps;
    }
}
