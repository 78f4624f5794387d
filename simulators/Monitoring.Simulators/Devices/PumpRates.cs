namespace Monitoring.Simulators.Devices;

/// <summary>Unit conversions a nurse does when programming the pump, rounded down to the pump's step.</summary>
public static class PumpRates
{
    private const decimal HoursPerDay = 24m;

    public static decimal FloorToStep(decimal rateMlPerHour, decimal rateStepMlPerHour)
    {
        if (rateStepMlPerHour <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rateStepMlPerHour), "the rate step must be positive");
        }

        return decimal.Floor(rateMlPerHour / rateStepMlPerHour) * rateStepMlPerHour;
    }

    /// <summary>mL/h for a dose rate: mg/kg/h x kg / (mg/mL).</summary>
    public static decimal ForDoseRate(decimal doseMgPerKgPerHour, decimal weightKg, decimal concentrationMgPerMl, decimal rateStepMlPerHour) =>
        FloorToStep(doseMgPerKgPerHour * weightKg / Positive(concentrationMgPerMl), rateStepMlPerHour);

    /// <summary>mL/h for a daily dose: mg/day / 24 / (mg/mL).</summary>
    public static decimal ForDailyDose(decimal mgPerDay, decimal concentrationMgPerMl, decimal rateStepMlPerHour) =>
        FloorToStep(mgPerDay / HoursPerDay / Positive(concentrationMgPerMl), rateStepMlPerHour);

    private static decimal Positive(decimal concentrationMgPerMl) =>
        concentrationMgPerMl > 0 ? concentrationMgPerMl : throw new ArgumentOutOfRangeException(nameof(concentrationMgPerMl), "the concentration must be positive");
}
