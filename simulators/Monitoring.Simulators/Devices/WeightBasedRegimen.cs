namespace Monitoring.Simulators.Devices;

/// <summary>One rate from a dose rate and the patient's weight.</summary>
public sealed record WeightBasedRegimen(decimal WeightKg, decimal DoseMgPerKgPerHour) : IPumpRegimen
{
    public IReadOnlyList<ScheduledRate> Plan(decimal concentrationMgPerMl, decimal rateStepMlPerHour) =>
        [new ScheduledRate(TimeSpan.Zero, PumpRates.ForDoseRate(DoseMgPerKgPerHour, WeightKg, concentrationMgPerMl, rateStepMlPerHour))];
}
